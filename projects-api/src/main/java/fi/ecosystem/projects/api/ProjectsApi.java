package fi.ecosystem.projects.api;

import fi.ecosystem.contracts.ItemsPage;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * projects-service's API ({@code /api/projects}) as a client calls it (a proxy from Spring's HttpServiceProxyFactory).
 * The records are the ones the service's controller answers and accepts.
 */
@HttpExchange("/api/projects")
public interface ProjectsApi {

    /** {@link #list}'s {@code include}: each row also carries its indicators' progress. */
    String INDICATORS = "indicators";

    /**
     * The projects the caller's city takes part in; every filter optional. {@code q}: words that begin a word of the
     * name or acronym; {@code sort}: name, startDate, endDate or status, a leading {@code -} for the reverse order.
     */
    @GetExchange
    ItemsPage<ProjectSummary> list(@RequestParam int size, @RequestParam int page,
            @RequestParam(required = false) String q, @RequestParam(required = false) Collection<ProjectStatus> status,
            @RequestParam(required = false) Theme theme, @RequestParam(required = false) String city,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String include);

    /** The cities that can take part in projects, with their names in fi/sv/en. */
    @GetExchange("/cities")
    List<City> cities();

    @GetExchange("/{id}")
    ProjectResponse get(@PathVariable String id);

    @PostExchange
    ProjectResponse plan(@RequestBody ProjectRequest project);

    @PutExchange("/{id}")
    ProjectResponse edit(@PathVariable String id, @RequestBody ProjectRequest project);

    @PutExchange("/{id}/status")
    ProjectResponse changeStatus(@PathVariable String id, @RequestBody StatusRequest status);

    @PostExchange("/{id}/continuation")
    ProjectResponse continueWith(@PathVariable String id, @RequestBody ContinuationRequest continuation);

    @PutExchange("/{id}/work-packages/{number}")
    ProjectResponse putWorkPackage(@PathVariable String id, @PathVariable int number, @RequestBody WorkPackageRequest workPackage);

    @DeleteExchange("/{id}/work-packages/{number}")
    ProjectResponse removeWorkPackage(@PathVariable String id, @PathVariable int number);

    @PutExchange("/{id}/indicators/{code}")
    ProjectResponse putIndicator(@PathVariable String id, @PathVariable String code, @RequestBody IndicatorRequest indicator);

    @PostExchange("/{id}/indicators/{code}/values")
    ProjectResponse report(@PathVariable String id, @PathVariable String code, @RequestBody ReportRequest report);

    @GetExchange("/{id}/audit")
    ItemsPage<AuditEntry> audit(@PathVariable String id, @RequestParam int page, @RequestParam int size);
}
