package fi.ecosystem.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectTest {

    static Project planned(String id) {
        return Project.plan(id, "HRI", LocalizedText.of("Helsinki Ring of Industry", null, null), null,
                LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31), "hyvinkaa", Set.of("hyvinkaa", "kerava"));
    }

    @Test
    void aNewProjectIsPlannedAndNamesItsCitiesInItsEvent() {
        Project project = planned("p1");

        ProjectChanged changed = project.changed();

        assertThat(project.status()).isEqualTo(ProjectStatus.PLANNED);
        assertThat(changed.participatingCities()).containsExactly("hyvinkaa", "kerava");
        assertThat(changed.status()).isEqualTo("PLANNED");
        assertThat(changed.change()).isEqualTo("created");
    }

    @Test
    void theEventNamesTheContactPersonsWithTheirRolesSoContactsServiceKnowsThem() {
        Project project = Project.plan("p1", ProjectDetails.basic("HRI", LocalizedText.of("Helsinki Ring of Industry", null, null),
                null, null, null, "hyvinkaa", Set.of("hyvinkaa")));
        project.edit(new ProjectDetails("HRI", project.name(), null, null, null, "hyvinkaa", Set.of("hyvinkaa"), 0,
                java.util.List.of(), java.util.List.of(), Set.of(),
                java.util.List.of(new ProjectParts.ProjectContact("Kaisa Maria Kokeilija", "PROJECT_MANAGER", "TechVilla",
                        "kaisa.kokeilija@example.org")), java.util.List.of()));

        ProjectChanged changed = project.changed();

        assertThat(changed.contacts()).containsExactly(new ProjectChanged.ProjectContact("Kaisa Maria", "Kokeilija",
                "kaisa.kokeilija@example.org", "PROJECT_MANAGER", "TechVilla"));
        assertThat(new ProjectChanged("changed", "p1", null, null, "ACTIVE", "hyvinkaa", java.util.List.of("hyvinkaa"), null)
                .contacts()).as("an event of an older producer says nothing of contacts").isNull();
    }

    @Test
    void statusMovesForwardOnly() {
        Project project = planned("p1");
        project.changeStatus(ProjectStatus.ACTIVE);
        project.changeStatus(ProjectStatus.ENDED);

        assertThatThrownBy(() -> project.changeStatus(ProjectStatus.ACTIVE))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("ENDED to ACTIVE");
    }

    @Test
    void theStatusChangesOfferedAreThoseTheRulesAllowNow() {
        Project project = planned("p1");
        assertThat(project.statusChanges()).containsExactly(ProjectStatus.ACTIVE, ProjectStatus.ENDED);
        project.changeStatus(ProjectStatus.ACTIVE);
        assertThat(project.statusChanges()).containsExactly(ProjectStatus.ENDED);
        project.changeStatus(ProjectStatus.ENDED);
        assertThat(project.statusChanges()).as("continuing needs the successor linked first").isEmpty();
        project.continueWith(planned("p2"));
        assertThat(project.statusChanges()).isEmpty();
    }

    @Test
    void continuedNeedsTheContinuingProject() {
        Project project = planned("p1");
        project.changeStatus(ProjectStatus.ACTIVE);
        project.changeStatus(ProjectStatus.ENDED);

        assertThatThrownBy(() -> project.changeStatus(ProjectStatus.CONTINUED))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void anEndedProjectIsContinuedByAnotherAndBothKnowIt() {
        Project ended = planned("hri");
        ended.changeStatus(ProjectStatus.ACTIVE);
        ended.changeStatus(ProjectStatus.ENDED);
        Project successor = planned("hri-2024");

        ProjectChanged changed = ended.continueWith(successor);

        assertThat(ended.status()).isEqualTo(ProjectStatus.CONTINUED);
        assertThat(changed.continuedBy()).isEqualTo("hri-2024");
        assertThat(successor.continues()).isEqualTo("hri");
    }

    @Test
    void anActiveProjectCannotBeContinued() {
        Project active = planned("p1");
        active.changeStatus(ProjectStatus.ACTIVE);

        assertThatThrownBy(() -> active.continueWith(planned("p2"))).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void theLeadCityTakesPart() {
        assertThatThrownBy(() -> Project.plan("p", "X", LocalizedText.of("X", null, null), null, null, null,
                "espoo", Set.of("helsinki"))).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void aProjectCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> Project.plan("p", "X", LocalizedText.of("X", null, null), null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1), "helsinki", Set.of("helsinki")))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void reportedValuesMakeAnOrderedHistoryAndARepeatedPeriodIsACorrection() {
        Project project = planned("p1");
        project.putIndicator("growth-programmes", LocalizedText.of("Kasvuohjelmat", null, "Growth programmes"), "pcs", 8, 0,
                ProjectParts.IndicatorFeed.REPORTED);
        java.time.Instant now = java.time.Instant.now();

        project.report("growth-programmes", "2020", 5, "Aino", now);
        project.report("growth-programmes", "2019", 2, "Aino", now);
        project.report("growth-programmes", "2020", 6, "Eero", now.plusSeconds(60));

        ProjectParts.Indicator indicator = project.indicators().get(0);
        assertThat(indicator.history()).extracting(ProjectParts.IndicatorValue::period).containsExactly("2019", "2020");
        assertThat(indicator.history().get(1).reportedBy()).isEqualTo("Eero");
        assertThat(project.actualOf(indicator)).isEqualTo(6);
    }

    @Test
    void liveFedIndicatorsCountAndCannotBeReportedByHand() {
        Project project = planned("p1");
        project.putIndicator("participants", LocalizedText.of("Osallistujat", null, null), "persons", 500, 10,
                ProjectParts.IndicatorFeed.PARTICIPANTS_REACHED);

        assertThatThrownBy(() -> project.report("participants", "2024", 3, "Aino", java.time.Instant.now()))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("counted live");
        assertThat(project.actualOf(project.indicators().get(0))).isEqualTo(10);
    }

    @Test
    void anIndicatorWithReportsKeepsItsHistoryWhenRedefinedButCannotTurnLive() {
        Project project = planned("p1");
        project.putIndicator("ecosystems", LocalizedText.of("Ekosysteemit", null, null), "pcs", 8, 0, ProjectParts.IndicatorFeed.REPORTED);
        project.report("ecosystems", "2021", 8, "Aino", java.time.Instant.now());

        project.putIndicator("ecosystems", LocalizedText.of("Innovaatioekosysteemit", null, null), "pcs", 9, 0,
                ProjectParts.IndicatorFeed.REPORTED);

        assertThat(project.indicators().get(0).history()).hasSize(1);
        assertThatThrownBy(() -> project.putIndicator("ecosystems", LocalizedText.of("E", null, null), "pcs", 9, 0,
                ProjectParts.IndicatorFeed.EVENTS_HELD)).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void fundingCannotExceedTheBudget() {
        Project project = planned("p1");
        ProjectDetails details = new ProjectDetails("KASVU", LocalizedText.of("Kasvun ekosysteemit", null, null), null,
                LocalDate.of(2018, 8, 1), LocalDate.of(2021, 6, 30), "hyvinkaa", Set.of("hyvinkaa"), 4_400_000,
                java.util.List.of(new ProjectParts.Funding("EAKR", "6Aika", 3_000_000L), new ProjectParts.Funding("Cities", null, 1_500_000L)),
                null, null, null, null);

        assertThatThrownBy(() -> project.edit(details)).isInstanceOf(DomainRuleViolation.class).hasMessageContaining("4400000");
    }

    @Test
    void aWorkPackageWithTheSameNumberReplacesTheOldOne() {
        Project project = planned("p1");
        project.putWorkPackage(new ProjectParts.WorkPackage(2, LocalizedText.of("Tulevaisuuden strategiat", null, null), "Iisalmi", null, null));
        project.putWorkPackage(new ProjectParts.WorkPackage(1, LocalizedText.of("Tilannekuva", null, null), "Iisalmi", null, null));
        project.putWorkPackage(new ProjectParts.WorkPackage(2, LocalizedText.of("Strategiat", null, null), "Savonlinna", null, null));

        assertThat(project.workPackages()).extracting(ProjectParts.WorkPackage::number).containsExactly(1, 2);
        assertThat(project.workPackages().get(1).responsiblePartner()).isEqualTo("Savonlinna");
    }

    @Test
    void projectsAreFoundByTheWordsOfTheirNamesInEveryLanguage() {
        Project project = Project.plan("p1", "HRI", LocalizedText.of("Kasvun ekosysteemit", "Tillväxtekosystem", "Growth Ecosystems"),
                null, null, null, "helsinki", Set.of("helsinki"));

        assertThat(project.searchWords()).containsExactly("ecosystems", "ekosysteemit", "growth", "hri", "kasvun", "tillvaxtekosystem");
    }
}
