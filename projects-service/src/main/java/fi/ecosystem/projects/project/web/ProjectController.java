package fi.ecosystem.projects.project.web;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.Pages;
import fi.ecosystem.platform.web.Spreadsheet;
import fi.ecosystem.projects.api.AuditEntry;
import fi.ecosystem.projects.api.City;
import fi.ecosystem.projects.api.ContinuationRequest;
import fi.ecosystem.projects.api.IndicatorRequest;
import fi.ecosystem.projects.api.ProjectRequest;
import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.ProjectSummary;
import fi.ecosystem.projects.api.ReportRequest;
import fi.ecosystem.projects.api.StatusRequest;
import fi.ecosystem.projects.api.WorkPackageRequest;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectFilter;
import fi.ecosystem.projects.project.ProjectService;
import fi.ecosystem.projects.project.ProjectStatus;
import fi.ecosystem.projects.project.Theme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects", description = "Projects the caller's city takes part in; other projects answer 404. "
        + "Errors are application/problem+json.")
@SecurityRequirement(name = "keycloak")
@ApiResponse(responseCode = "400", description = "Invalid input; `errors` or `field` say where",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "Visible, but the role (or the integrator's scope) to change it is missing",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "No such project, or the caller's city does not take part",
        content = @Content(mediaType = "application/problem+json"))
class ProjectController {

    static final String SORT = "name|-name|startDate|-startDate|endDate|-endDate|status|-status";

    private final ProjectService projects;
    private final ProjectCities cities;

    ProjectController(ProjectService projects, ProjectCities cities) {
        this.projects = projects;
        this.cities = cities;
    }

    @GetMapping
    @Operation(summary = "Search the projects the caller's city takes part in",
            description = "Rows carry a project's summary; the whole project is at /api/projects/{id}. All filters are optional and combine. `q`: words that begin a word of the name or acronym "
                    + "(any language). `from`/`to`: projects running at some time in that period. Integrators need projects:read.")
    ItemsPage<ProjectSummary> list(@Parameter(hidden = true) CityUser user,
            @Valid @ParameterObject ListQuery query,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @Parameter(description = "`indicators`: each row also carries its indicators' progress (no history)")
            @RequestParam(required = false) @Pattern(regexp = "indicators") String include) {
        boolean withIndicators = "indicators".equals(include);
        return Pages.of(projects.list(user, query.filter(), PageRequest.of(page, size, query.order()), withIndicators),
                project -> ProjectRecords.summary(project, withIndicators));
    }

    @GetMapping("/cities")
    @Operation(summary = "The cities that can take part in projects, with their names in fi/sv/en",
            description = "Forms offer these names; requests name a city by its alias")
    java.util.List<City> cities() {
        return cities.all();
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The same search as a CSV file (semicolons, UTF-8 with BOM: opens in Excel with Finnish settings)")
    void exportCsv(@Parameter(hidden = true) CityUser user,
            @Valid @ParameterObject ListQuery query,
            @RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en") String lang,
            HttpServletResponse response) throws IOException {
        ProjectExport.in(lang, cities).csv(projects.export(user, query.filter(), query.order()), response, "projects");
    }

    @GetMapping(value = "/export.xlsx", produces = Spreadsheet.XLSX)
    @Operation(summary = "The same search as an Excel workbook")
    void exportXlsx(@Parameter(hidden = true) CityUser user,
            @Valid @ParameterObject ListQuery query,
            @RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en") String lang,
            HttpServletResponse response) throws IOException {
        ProjectExport.in(lang, cities).xlsx(projects.export(user, query.filter(), query.order()), response, "projects");
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project with its partners, funding, work packages and indicators")
    ProjectResponse get(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return ProjectRecords.response(projects.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Plan a new project", description = "Project managers of a participating city; integrators need projects:write")
    @ApiResponse(responseCode = "201", description = "Planned; Location names the new project")
    @ApiResponse(responseCode = "409", description = "A rule of the domain, e.g. the lead city does not take part (`code` says which)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ProjectResponse> plan(@Parameter(hidden = true) CityUser user, @Valid @RequestBody ProjectRequest request) {
        Project project = projects.plan(user, ProjectRecords.details(request));
        return ResponseEntity.created(URI.create("/api/projects/" + project.id())).body(ProjectRecords.response(project));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a project's description, partners, funding, themes, contacts and publications")
    ProjectResponse edit(@Parameter(hidden = true) CityUser user, @PathVariable String id, @Valid @RequestBody ProjectRequest request) {
        return ProjectRecords.response(projects.edit(user, id, ProjectRecords.details(request)));
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Change the status", description = "planned → active → ended → continued; other transitions answer 409")
    ProjectResponse changeStatus(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @Valid @RequestBody StatusRequest request) {
        return ProjectRecords.response(projects.changeStatus(user, id, ProjectRecords.status(request.status())));
    }

    @PostMapping("/{id}/continuation")
    @Operation(summary = "Mark an ended project continued by another one (a new funding decision)")
    ProjectResponse continueWith(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @Valid @RequestBody ContinuationRequest request) {
        return ProjectRecords.response(projects.continueWith(user, id, request.successorId()));
    }

    @PutMapping("/{id}/work-packages/{number}")
    @Operation(summary = "Add or replace a work package with its deliverables")
    ProjectResponse putWorkPackage(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Min(1) @Max(99) int number, @Valid @RequestBody WorkPackageRequest request) {
        return ProjectRecords.response(projects.putWorkPackage(user, id, ProjectRecords.workPackage(request, number)));
    }

    @DeleteMapping("/{id}/work-packages/{number}")
    @Operation(summary = "Remove a work package")
    ProjectResponse removeWorkPackage(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Min(1) @Max(99) int number) {
        return ProjectRecords.response(projects.removeWorkPackage(user, id, number));
    }

    @PutMapping("/{id}/indicators/{code}")
    @Operation(summary = "Define an indicator", description = "feed REPORTED (default) is reported by staff; "
            + "PARTICIPANTS_REACHED and EVENTS_HELD are counted live from the registrations and events topics")
    ProjectResponse putIndicator(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String code, @Valid @RequestBody IndicatorRequest request) {
        return ProjectRecords.response(projects.putIndicator(user, id, code, request.name().localized(), request.unit(),
                request.target(), request.baseline() == null ? 0 : request.baseline(), ProjectRecords.feed(request.feed())));
    }

    @PostMapping("/{id}/indicators/{code}/values")
    @Operation(summary = "Report an indicator's cumulative value for a period",
            description = "Reporting a period again corrects it; the history keeps who reported and when")
    ProjectResponse report(@Parameter(hidden = true) CityUser user, @PathVariable String id, @PathVariable String code,
            @Valid @RequestBody ReportRequest request) {
        return ProjectRecords.response(projects.report(user, id, code, request.period(), request.value()));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who changed what and when", description = "For the project's managers")
    ItemsPage<AuditEntry> audit(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return Pages.of(projects.auditTrail(user, id, PageRequest.of(page, size)), ProjectRecords::audit);
    }

    /**
     * The search of the list and of its exports, from the query string.
     *
     * @param q words that begin a word of the name or acronym, in any language
     */
    record ListQuery(
            Set<ProjectStatus> status,
            @Pattern(regexp = ProjectRequest.CITY_ALIAS) String city,
            Theme theme,
            @Size(max = 200) String funder,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Size(max = 200) @Parameter(example = "kasvun eko") String q,
            @Pattern(regexp = SORT) String sort) {

        ProjectFilter filter() {
            return new ProjectFilter(status, city, theme, funder, from, to, q);
        }

        Sort order() {
            String requested = sort == null ? "name" : sort;
            boolean descending = requested.startsWith("-");
            String field = descending ? requested.substring(1) : requested;
            String property = "name".equals(field) ? "name.fi" : field;
            Sort.Direction direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
            // _id keeps pages stable; the same direction lets one index (city, field, _id) give the order either way
            return Sort.by(direction, property).and(Sort.by(direction, "_id"));
        }
    }

}
