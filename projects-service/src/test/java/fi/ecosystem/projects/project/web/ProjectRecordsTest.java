package fi.ecosystem.projects.project.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.projects.project.PartnerRole;
import fi.ecosystem.projects.project.ProjectParts;
import fi.ecosystem.projects.project.ProjectStatus;
import fi.ecosystem.projects.project.Theme;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's enums (projects-api) name exactly the domain's values: a value added on one side only fails here. */
class ProjectRecordsTest {

    @Test
    void everyDomainValueHasItsApiValueAndNoMore() {
        assertSameNames(ProjectStatus.class, fi.ecosystem.projects.api.ProjectStatus.class);
        assertSameNames(Theme.class, fi.ecosystem.projects.api.Theme.class);
        assertSameNames(PartnerRole.class, fi.ecosystem.projects.api.PartnerRole.class);
        assertSameNames(ProjectParts.DeliverableStatus.class, fi.ecosystem.projects.api.DeliverableStatus.class);
        assertSameNames(ProjectParts.IndicatorFeed.class, fi.ecosystem.projects.api.IndicatorFeed.class);
    }

    private static void assertSameNames(Class<? extends Enum<?>> domain, Class<? extends Enum<?>> api) {
        assertThat(names(api)).as(api.getName()).containsExactlyElementsOf(names(domain));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
