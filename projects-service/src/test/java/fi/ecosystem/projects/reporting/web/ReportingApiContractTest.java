package fi.ecosystem.projects.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.platform.testing.HttpInterfaces;
import fi.ecosystem.projects.api.reporting.ReportingApi;
import fi.ecosystem.projects.reporting.Figure;
import fi.ecosystem.projects.reporting.PeriodStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The web UI's reporting client (projects-api's {@link ReportingApi}) calls only what {@link ReportingController}
 * serves, and the API's enums name exactly the domain's values; the records are the same classes on both sides.
 */
class ReportingApiContractTest {

    @Test
    void everyEndpointTheClientCallsIsServed() {
        assertThat(HttpInterfaces.servedBy(ReportingController.class)).containsAll(HttpInterfaces.calledBy(ReportingApi.class))
                .contains("GET /api/projects/{}/reporting-periods/{}/figures/{}", "POST /api/projects/{}/reporting-periods/{}/lock");
    }

    @Test
    void aPathTheControllerDoesNotServeIsFound() {
        assertThat(HttpInterfaces.calledBy(Renamed.class)).containsExactly("GET /api/projects/{}/reporting-period/{}");
        assertThat(HttpInterfaces.servedBy(ReportingController.class)).doesNotContainAnyElementsOf(HttpInterfaces.calledBy(Renamed.class));
    }

    @Test
    void everyDomainValueHasItsApiValueAndNoMore() {
        assertThat(names(fi.ecosystem.projects.api.reporting.Figure.class)).containsExactlyElementsOf(names(Figure.class));
        assertThat(names(fi.ecosystem.projects.api.reporting.PeriodStatus.class)).containsExactlyElementsOf(names(PeriodStatus.class));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** A client whose path went astray. */
    @HttpExchange("/api/projects/{id}")
    interface Renamed {

        @GetExchange("/reporting-period/{label}")
        Object period(@PathVariable String id, @PathVariable String label);
    }
}
