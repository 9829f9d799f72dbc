package fi.ecosystem.projects.project.web;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.PageResponse;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectService;
import fi.ecosystem.projects.project.web.ProjectRequests.ChangeStatus;
import fi.ecosystem.projects.project.web.ProjectRequests.PlanProject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
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
@Tag(name = "Projects", description = "Projects a caller's city takes part in; other projects answer 404")
@SecurityRequirement(name = "keycloak")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    @Operation(summary = "List the projects the caller's city takes part in", description = "Sorted by name; integrators need projects:read")
    PageResponse<ProjectResponse> list(@Parameter(hidden = true) CityUser user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(projects.list(user, PageRequest.of(page, size, Sort.by("name.fi", "_id"))),
                ProjectResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project", description = "404 when it does not exist or the caller's city does not take part")
    ProjectResponse get(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return ProjectResponse.of(projects.get(user, id));
    }

    @PostMapping
    @Operation(summary = "Plan a new project", description = "Project managers of a participating city; integrators need projects:write")
    ResponseEntity<ProjectResponse> plan(@Parameter(hidden = true) CityUser user, @Valid @RequestBody PlanProject request) {
        Project project = projects.plan(user, request.acronym(), text(request.name()),
                request.description() == null ? null : new LocalizedText(request.description().fi(),
                        request.description().sv(), request.description().en()),
                request.startDate(), request.endDate(), request.leadCity(), request.participatingCities());
        return ResponseEntity.created(URI.create("/api/projects/" + project.id())).body(ProjectResponse.of(project));
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Change the status", description = "planned → active → ended → continued; other transitions answer 409")
    ProjectResponse changeStatus(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @Valid @RequestBody ChangeStatus request) {
        return ProjectResponse.of(projects.changeStatus(user, id, request.status()));
    }

    private static LocalizedText text(ProjectRequests.Text text) {
        return new LocalizedText(text.fi(), text.sv(), text.en());
    }
}
