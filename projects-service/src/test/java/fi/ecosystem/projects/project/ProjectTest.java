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
}
