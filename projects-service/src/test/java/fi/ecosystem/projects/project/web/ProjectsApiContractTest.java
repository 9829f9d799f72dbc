package fi.ecosystem.projects.project.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.platform.testing.HttpInterfaces;
import fi.ecosystem.projects.api.ProjectsApi;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The web UI's client (projects-api's {@link ProjectsApi}) calls only what the controller serves: the controller
 * does not implement the interface (its handlers take the caller, resolved from the token, and answer 201 with a
 * Location), so the paths are compared here; the records are the same classes on both sides.
 */
class ProjectsApiContractTest {

    @Test
    void everyEndpointTheClientCallsIsServed() {
        assertThat(HttpInterfaces.servedBy(ProjectController.class)).containsAll(HttpInterfaces.calledBy(ProjectsApi.class))
                .contains("GET /api/projects/{}", "PUT /api/projects/{}/work-packages/{}");
    }

    @Test
    void aPathTheControllerDoesNotServeIsFound() {
        assertThat(HttpInterfaces.calledBy(Renamed.class)).containsExactly("GET /api/project/{}", "POST /api/projects/{}/status");
        assertThat(HttpInterfaces.servedBy(ProjectController.class)).doesNotContainAnyElementsOf(HttpInterfaces.calledBy(Renamed.class));
    }

    /** A client whose paths went astray: one renamed, one with the wrong method. */
    @HttpExchange("/api")
    interface Renamed {

        @GetExchange("/project/{id}")
        Object get(@PathVariable String id);

        @PostExchange("/projects/{id}/status")
        Object changeStatus(@PathVariable String id);
    }
}
