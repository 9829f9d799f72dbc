package fi.ecosystem.projects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.projects.project.PartnerRole;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectParts;
import fi.ecosystem.projects.project.ProjectStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The demo data says what the seed documents say. */
class DemoProjectsTest {

    @Test
    void growthEcosystemsIsTheHelsinkiLedSixCityProjectOf2018To2021() {
        Project project = DemoProjects.growthEcosystems();

        assertThat(project.leadCity()).isEqualTo("helsinki");
        assertThat(project.partners()).hasSize(7).filteredOn(partner -> partner.role() == PartnerRole.CO_IMPLEMENTER).hasSize(6);
        assertThat(project.startDate()).isEqualTo(LocalDate.of(2018, 8, 1));
        assertThat(project.endDate()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(project.totalBudgetEur()).isEqualTo(4_400_000);
        assertThat(project.indicators()).extracting(ProjectParts.Indicator::code)
                .contains("growth-programmes", "ecosystems", "events-held", "participants-reached");
        assertThat(project.actualOf(project.indicators().get(0))).isEqualTo(8);
        assertThat(project.status()).isEqualTo(ProjectStatus.ENDED);
    }

    @Test
    void theRingOfIndustryEndedIn2023AndWasContinuedWithMunicipalFunding() {
        Project continuation = DemoProjects.ringOfIndustry2024();
        Project ring = DemoProjects.ringOfIndustry(continuation);

        assertThat(ring.status()).isEqualTo(ProjectStatus.CONTINUED);
        assertThat(ring.continuedBy()).isEqualTo("hri-2024");
        assertThat(continuation.continues()).isEqualTo("hri");
        assertThat(ring.participatingCities()).hasSize(10);
        assertThat(ring.funding().get(0).funder()).isEqualTo("Uudenmaan liitto");
        assertThat(ring.actualOf(ring.indicators().get(0))).isEqualTo(185_000);
    }

    @Test
    void theRegionalTownsHaveFiveWorkPackagesWithTheirResponsiblePartners() {
        Project project = DemoProjects.regionalTowns();

        assertThat(project.workPackages()).extracting(ProjectParts.WorkPackage::responsiblePartner).containsExactly(
                "Iisalmen kaupunki", "Iisalmen kaupunki", "Savonlinnan hankekehitys Oy", "Savonlinnan hankekehitys Oy",
                "Iisalmen kaupunki");
        assertThat(project.contacts()).extracting(ProjectParts.ProjectContact::email).allMatch(email -> email.endsWith("@example.org"));
        assertThat(project.contacts()).extracting(ProjectParts.ProjectContact::role)
                .contains("PROJECT_MANAGER", "PROJECT_SECRETARY", "BUSINESS_EXPERT", "DEVELOPMENT_MANAGER", "CEO");
    }

    @Test
    void theSmartSpecialisationStrategyHasItsFiveThemes() {
        assertThat(DemoProjects.smartSpecialisation().themes()).hasSize(5);
        assertThat(DemoProjects.helsinkiFlagships()).hasSize(3);
    }
}
