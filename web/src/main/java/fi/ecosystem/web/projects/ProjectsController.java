package fi.ecosystem.web.projects;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.events.api.EventResponse;
import fi.ecosystem.events.api.EventsApi;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.projects.api.AuditEntry;
import fi.ecosystem.projects.api.ContinuationRequest;
import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.ProjectStatus;
import fi.ecosystem.projects.api.ProjectSummary;
import fi.ecosystem.projects.api.ProjectsApi;
import fi.ecosystem.projects.api.StatusRequest;
import fi.ecosystem.projects.api.Theme;
import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.Forms;
import fi.ecosystem.web.support.Pager;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Projects: search with filters and exports, a project with everything it holds, and for its project managers
 * everything the projects API allows: the description with partners, funding, cities, themes, contacts and
 * publications; work packages with deliverables; indicators and their reported values; status and continuation;
 * the audit trail.
 */
@Controller
class ProjectsController {

    /** The filters' and the form's choices: the API's values by name. */
    static final List<String> STATUSES = Arrays.stream(ProjectStatus.values()).map(Enum::name).toList();
    static final List<String> THEMES = Arrays.stream(Theme.values()).map(Enum::name).toList();
    static final int PAGE_SIZE = 50;
    static final int AUDIT_PAGE_SIZE = 50;

    private final ProjectsApi projects;
    private final EventsApi events;
    private final CityNames cities;
    private final ProjectChoices choices;

    ProjectsController(ProjectsApi projects, EventsApi events,
            CityNames cities, ProjectChoices choices) {
        this.projects = projects;
        this.events = events;
        this.cities = cities;
        this.choices = choices;
    }

    @GetMapping("/app/projects")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String city,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ProjectStatus chosenStatus = Texts.valueOf(ProjectStatus.class, status);
        Theme chosenTheme = Texts.valueOf(Theme.class, theme);
        UriComponentsBuilder export = UriComponentsBuilder.newInstance().queryParam("lang", Formats.language());
        addIfPresent(export, "q", q);
        addIfPresent(export, "status", chosenStatus == null ? null : chosenStatus.name());
        addIfPresent(export, "theme", chosenTheme == null ? null : chosenTheme.name());
        addIfPresent(export, "city", city);
        ItemsPage<ProjectSummary> answer = projects.list(PAGE_SIZE, Math.max(0, page), Texts.trimmed(q),
                chosenStatus == null ? null : List.of(chosenStatus), chosenTheme, Texts.trimmed(city), null, null);
        model.addAttribute("page", answer);
        model.addAttribute("projects", answer.items());
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("theme", theme);
        model.addAttribute("city", city);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("themes", THEMES);
        model.addAttribute("cityChoices", cities.choices());
        // the API's own exports, through the gateway with the browser's session: the same search, in the page's language
        model.addAttribute("exportQuery", export.build().encode().toUriString());
        return "app/projects/list";
    }

    @GetMapping("/app/projects/{id}")
    String project(@PathVariable String id, CityUser user, @RequestParam(defaultValue = "0") int eventsPage, Model model) {
        ProjectResponse project = projects.get(id);
        model.addAttribute("project", project);
        // the service answers which changes its rules allow now; continuing has its own form
        model.addAttribute("nextStatuses", project.statusChanges().stream().sorted().toList());
        if (manages(user) && project.status() == ProjectStatus.ENDED && project.continuedBy() == null) {
            model.addAttribute("successors", projects.list(200, 0, null, null, null, null, "-startDate", null).items().stream()
                    .filter(other -> !id.equals(other.id())).toList());
        }
        try {
            fi.ecosystem.contracts.ItemsPage<EventResponse> answer = events.list(null, null, id, Math.max(0, eventsPage), Pager.SIZE);
            model.addAttribute("events", answer.items());
            model.addAttribute("eventsPager", Pager.of(answer.page(), answer.size(), answer.totalItems(), answer.items().size(),
                    UriComponentsBuilder.fromPath("/app/projects/{id}")
                    .uriVariables(Map.of("id", id)).fragment("events")).withParameter("eventsPage"));
        } catch (ServiceUnavailable | ServiceProblem unavailable) {
            model.addAttribute("events", List.of());
        }
        return "app/projects/project";
    }

    @GetMapping("/app/projects/new")
    String newProject(CityUser user, Model model) {
        ProjectForm form = new ProjectForm();
        form.setLeadCity(user.primaryCity());
        form.getParticipatingCities().add(user.primaryCity());
        model.addAttribute("form", form.withEmptyRows());
        return form(null, user, model);
    }

    @PostMapping("/app/projects")
    String plan(@Valid @ModelAttribute("form") ProjectForm form, BindingResult result, CityUser user, Model model) {
        if (result.hasErrors()) {
            form.withEmptyRows();
            return form(null, user, model);
        }
        try {
            ProjectResponse created = projects.plan(form.toRequest());
            return "redirect:/app/projects/" + created.id();
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, form::formField, ProjectForm.FIELD_OF_RULE);
            form.withEmptyRows();
            return form(null, user, model);
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            form.withEmptyRows();
            return form(null, user, model);
        }
    }

    @GetMapping("/app/projects/{id}/edit")
    String edit(@PathVariable String id, CityUser user, Model model) {
        ProjectResponse project = projects.get(id);
        model.addAttribute("form", ProjectForm.of(project).withEmptyRows());
        return form(project, user, model);
    }

    @PostMapping("/app/projects/{id}")
    String save(@PathVariable String id, @Valid @ModelAttribute("form") ProjectForm form, BindingResult result, CityUser user,
            Model model, RedirectAttributes redirect) {
        ProjectResponse project = projects.get(id);
        if (!mayChangeCities(user, project)) {
            // only the lead city (or an admin) changes who takes part: the others send back what there is
            form.setLeadCity(project.leadCity());
            form.setParticipatingCities(new java.util.ArrayList<>(project.participatingCities()));
        }
        if (result.hasErrors()) {
            form.withEmptyRows();
            return form(project, user, model);
        }
        try {
            projects.edit(id, form.toRequest());
            redirect.addFlashAttribute("flash", "project.saved");
            return "redirect:/app/projects/" + id;
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, form::formField, ProjectForm.FIELD_OF_RULE);
            form.withEmptyRows();
            return form(project, user, model);
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            form.withEmptyRows();
            return form(project, user, model);
        }
    }

    @PostMapping("/app/projects/{id}/status")
    String changeStatus(@PathVariable String id, @RequestParam String status, RedirectAttributes redirect) {
        ProjectStatus next = Texts.valueOf(ProjectStatus.class, status);
        if (next == null) {
            redirect.addFlashAttribute("flashError", "problem.status-transition");
            return "redirect:/app/projects/" + id;
        }
        try {
            projects.changeStatus(id, new StatusRequest(next));
            redirect.addFlashAttribute("flash", "project.statusChanged");
        } catch (ServiceProblem problem) {
            if (problem.notFound()) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", "problem." + problem.code());
        }
        return "redirect:/app/projects/" + id;
    }

    @PostMapping("/app/projects/{id}/continuation")
    String continueWith(@PathVariable String id, @RequestParam(required = false) String successorId, RedirectAttributes redirect) {
        if (successorId == null || successorId.isBlank()) {
            redirect.addFlashAttribute("flashError", "problem.continuation-missing");
            return "redirect:/app/projects/" + id;
        }
        try {
            projects.continueWith(id, new ContinuationRequest(successorId));
            redirect.addFlashAttribute("flash", "project.continued");
        } catch (ServiceProblem problem) {
            if (problem.notFound() && problem.getMessage() != null && problem.getMessage().contains(id)) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", "problem." + problem.code());
        }
        return "redirect:/app/projects/" + id;
    }

    // --- work packages

    @GetMapping("/app/projects/{id}/work-packages/new")
    String newWorkPackage(@PathVariable String id, Model model) {
        ProjectResponse project = projects.get(id);
        WorkPackageForm form = new WorkPackageForm();
        form.setNumber(project.workPackages().stream().mapToInt(workPackage -> workPackage.number() + 1).max().orElse(1));
        model.addAttribute("form", form.withEmptyRows());
        return workPackageForm(project, null, model);
    }

    @GetMapping("/app/projects/{id}/work-packages/{number}")
    String editWorkPackage(@PathVariable String id, @PathVariable int number, Model model) {
        ProjectResponse project = projects.get(id);
        model.addAttribute("form", WorkPackageForm.of(workPackage(project, number)).withEmptyRows());
        return workPackageForm(project, number, model);
    }

    @PostMapping("/app/projects/{id}/work-packages")
    String saveWorkPackage(@PathVariable String id, @RequestParam(required = false) Integer editing,
            @Valid @ModelAttribute("form") WorkPackageForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        ProjectResponse project = projects.get(id);
        if (!form.hasTitle()) {
            result.rejectValue("titleFi", "problem.title-missing");
        }
        if (result.hasErrors()) {
            form.withEmptyRows();
            return workPackageForm(project, editing, model);
        }
        try {
            projects.putWorkPackage(id, form.getNumber(), form.toRequest());
            redirect.addFlashAttribute("flash", "workPackage.saved");
            return "redirect:/app/projects/" + id + "#work-packages";
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, form::formField, Map.of("work-package-number", "number"));
            form.withEmptyRows();
            return workPackageForm(project, editing, model);
        }
    }

    @PostMapping("/app/projects/{id}/work-packages/{number}/remove")
    String removeWorkPackage(@PathVariable String id, @PathVariable int number, RedirectAttributes redirect) {
        projects.removeWorkPackage(id, number);
        redirect.addFlashAttribute("flash", "workPackage.removed");
        return "redirect:/app/projects/" + id + "#work-packages";
    }

    // --- indicators

    @GetMapping("/app/projects/{id}/indicators/new")
    String newIndicator(@PathVariable String id, Model model) {
        ProjectResponse project = projects.get(id);
        model.addAttribute("form", new IndicatorForm());
        return indicatorForm(project, null, model);
    }

    @GetMapping("/app/projects/{id}/indicators/{code}")
    String editIndicator(@PathVariable String id, @PathVariable String code, Model model) {
        ProjectResponse project = projects.get(id);
        model.addAttribute("form", IndicatorForm.of(indicator(project, code)));
        return indicatorForm(project, code, model);
    }

    @PostMapping("/app/projects/{id}/indicators")
    String saveIndicator(@PathVariable String id, @RequestParam(required = false) String editing,
            @Valid @ModelAttribute("form") IndicatorForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        ProjectResponse project = projects.get(id);
        if (!form.hasName()) {
            result.rejectValue("nameFi", "problem.name-missing");
        }
        if (result.hasErrors()) {
            return indicatorForm(project, editing, model);
        }
        try {
            projects.putIndicator(id, form.getCode(), form.toRequest());
            redirect.addFlashAttribute("flash", "indicator.saved");
            return "redirect:/app/projects/" + id + "#indicators";
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, IndicatorForm::formField, Map.of("indicator-negative", "target"));
            return indicatorForm(project, editing, model);
        }
    }

    @GetMapping("/app/projects/{id}/indicators/{code}/report")
    String reportForm(@PathVariable String id, @PathVariable String code, Model model) {
        ProjectResponse project = projects.get(id);
        model.addAttribute("form", new ReportForm());
        return reportPage(project, code, model);
    }

    @PostMapping("/app/projects/{id}/indicators/{code}/report")
    String report(@PathVariable String id, @PathVariable String code, @Valid @ModelAttribute("form") ReportForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                projects.report(id, code, form.toRequest());
                redirect.addFlashAttribute("flash", "indicator.reported");
                return "redirect:/app/projects/" + id + "#indicator-" + code;
            } catch (ServiceProblem problem) {
                if (problem.notFound()) {
                    throw problem;
                }
                Forms.reject(result, problem, field -> field, Map.of("indicator-negative", "value"));
            }
        }
        return reportPage(projects.get(id), code, model);
    }

    // --- audit trail

    @GetMapping("/app/projects/{id}/audit")
    String audit(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        ProjectResponse project = projects.get(id);
        ItemsPage<AuditEntry> trail = projects.audit(id, Math.max(0, page), AUDIT_PAGE_SIZE);
        model.addAttribute("project", project);
        model.addAttribute("page", trail);
        model.addAttribute("entries", trail.items());
        return "app/projects/audit";
    }

    // ---

    private String form(ProjectResponse project, CityUser user, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("themes", THEMES);
        model.addAttribute("partnerRoleChoices", choices.partnerRoles());
        Map<String, String> cityChoices = new LinkedHashMap<>(cities.choices());
        // a city the list does not name yet stays what it was instead of being dropped on save
        if (model.getAttribute("form") instanceof ProjectForm form) {
            form.getParticipatingCities().forEach(alias -> cityChoices.putIfAbsent(alias, alias));
            form.getPartners().stream().map(ProjectForm.PartnerRow::getCity).filter(fi.ecosystem.web.support.Texts::filled)
                    .forEach(alias -> cityChoices.putIfAbsent(alias, alias));
        }
        model.addAttribute("cityChoices", cityChoices);
        model.addAttribute("mayChangeCities", mayChangeCities(user, project));
        return "app/projects/form";
    }

    private String workPackageForm(ProjectResponse project, Integer editing, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("editing", editing);
        model.addAttribute("deliverableStatusChoices", choices.deliverableStatuses());
        return "app/projects/work-package";
    }

    private String indicatorForm(ProjectResponse project, String editing, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("editing", editing);
        model.addAttribute("feedChoices", choices.feeds());
        model.addAttribute("units", IndicatorForm.UNITS);
        return "app/projects/indicator";
    }

    private String reportPage(ProjectResponse project, String code, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("indicator", indicator(project, code));
        return "app/projects/report";
    }

    private static ProjectResponse.WorkPackage workPackage(ProjectResponse project, int number) {
        return found(project.workPackage(number), "Work package " + number);
    }

    private static ProjectResponse.Indicator indicator(ProjectResponse project, String code) {
        return found(project.indicator(code), "Indicator " + code);
    }

    private static <T> T found(T part, String what) {
        if (part == null) {
            throw new ServiceProblem(404, "not-found", what, Map.of());
        }
        return part;
    }

    static boolean manages(CityUser user) {
        return user.roles().contains(CityUser.PROJECT_MANAGER) || user.roles().contains(CityUser.ADMIN);
    }

    /** Only the lead city (or an admin) changes who takes part; a new project is the planner's to set. */
    static boolean mayChangeCities(CityUser user, ProjectResponse project) {
        return project == null || user.roles().contains(CityUser.ADMIN) || user.cities().contains(project.leadCity());
    }

    private static void addIfPresent(UriComponentsBuilder search, String name, String value) {
        if (value != null && !value.isBlank()) {
            search.queryParam(name, value.trim().replaceAll("[{}]", ""));
        }
    }
}
