package fi.ecosystem.web.projects;

import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.Forms;
import fi.ecosystem.web.support.Pager;
import fi.ecosystem.events.api.EventResponse;
import fi.ecosystem.events.api.EventsApi;
import fi.ecosystem.events.api.ItemsPage;
import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
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

    static final List<String> STATUSES = List.of("PLANNED", "ACTIVE", "ENDED", "CONTINUED");
    static final List<String> THEMES = List.of("URBAN_CLEANTECH", "HUMAN_HEALTH_TECH", "DIGITALISING_INDUSTRY",
            "WELFARE_CITY", "SMART_CITIZEN", "MANUFACTURING", "DATA_CENTRES", "FOOD_PRODUCTION", "LOGISTICS",
            "ONLINE_AND_WHOLESALE_TRADE", "ICT", "WELLBEING", "TOURISM", "ENVIRONMENTAL_BUSINESS", "DESIGN");
    static final List<String> PARTNER_ROLES = List.of("LEAD", "CO_IMPLEMENTER", "NETWORK_PARTNER", "FUNDER");
    /** The next states the service allows from each (planned → active → ended → continued). */
    static final Map<String, List<String>> NEXT_STATUS = Map.of("PLANNED", List.of("ACTIVE"), "ACTIVE", List.of("ENDED"),
            "ENDED", List.of(), "CONTINUED", List.of());
    static final int PAGE_SIZE = 50;
    static final int AUDIT_PAGE_SIZE = 50;

    private final ServiceClient projects;
    private final EventsApi events;
    private final CityNames cities;
    private final ProjectChoices choices;

    ProjectsController(@Qualifier("projectsService") ServiceClient projects, EventsApi events,
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
        UriComponentsBuilder search = UriComponentsBuilder.fromPath("/api/projects").queryParam("size", PAGE_SIZE)
                .queryParam("page", Math.max(0, page));
        UriComponentsBuilder export = UriComponentsBuilder.newInstance().queryParam("lang", Formats.language());
        for (UriComponentsBuilder query : List.of(search, export)) {
            addIfPresent(query, "q", q);
            addIfPresent(query, "status", status != null && STATUSES.contains(status) ? status : null);
            addIfPresent(query, "theme", theme != null && THEMES.contains(theme) ? theme : null);
            addIfPresent(query, "city", city);
        }
        Map<String, Object> answer = projects.get(search.build().toUriString());
        model.addAttribute("page", answer);
        model.addAttribute("projects", answer.get("items"));
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
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        model.addAttribute("project", project);
        model.addAttribute("nextStatuses", NEXT_STATUS.getOrDefault(String.valueOf(project.get("status")), List.of()));
        if (manages(user) && "ENDED".equals(project.get("status")) && project.get("continuedBy") == null) {
            model.addAttribute("successors", projects.items("/api/projects?size=200&sort=-startDate").stream()
                    .filter(other -> !id.equals(other.get("id"))).toList());
        }
        try {
            ItemsPage<EventResponse> answer = events.list(null, null, id, Math.max(0, eventsPage), Pager.SIZE);
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
            Map<String, Object> created = projects.post(form.toRequest(), "/api/projects");
            return "redirect:/app/projects/" + created.get("id");
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
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        model.addAttribute("form", ProjectForm.of(project).withEmptyRows());
        return form(project, user, model);
    }

    @PostMapping("/app/projects/{id}")
    String save(@PathVariable String id, @Valid @ModelAttribute("form") ProjectForm form, BindingResult result, CityUser user,
            Model model, RedirectAttributes redirect) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        if (!mayChangeCities(user, project)) {
            // only the lead city (or an admin) changes who takes part: the others send back what there is
            form.setLeadCity(String.valueOf(project.get("leadCity")));
            form.setParticipatingCities(project.get("participatingCities") instanceof List<?> taking
                    ? taking.stream().map(String::valueOf).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new))
                    : new java.util.ArrayList<>());
        }
        if (result.hasErrors()) {
            form.withEmptyRows();
            return form(project, user, model);
        }
        try {
            projects.put(form.toRequest(), "/api/projects/{id}", id);
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
        try {
            projects.put(Map.of("status", status), "/api/projects/{id}/status", id);
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
            projects.post(Map.of("successorId", successorId), "/api/projects/{id}/continuation", id);
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
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        WorkPackageForm form = new WorkPackageForm();
        int next = 1;
        if (project.get("workPackages") instanceof List<?> packages) {
            for (Object wp : packages) {
                if (wp instanceof Map<?, ?> item && item.get("number") instanceof Number number) {
                    next = Math.max(next, number.intValue() + 1);
                }
            }
        }
        form.setNumber(next);
        model.addAttribute("form", form.withEmptyRows());
        return workPackageForm(project, null, model);
    }

    @GetMapping("/app/projects/{id}/work-packages/{number}")
    String editWorkPackage(@PathVariable String id, @PathVariable int number, Model model) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        Map<String, Object> workPackage = workPackage(project, number);
        model.addAttribute("form", WorkPackageForm.of(workPackage).withEmptyRows());
        return workPackageForm(project, number, model);
    }

    @PostMapping("/app/projects/{id}/work-packages")
    String saveWorkPackage(@PathVariable String id, @RequestParam(required = false) Integer editing,
            @Valid @ModelAttribute("form") WorkPackageForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        if (!form.hasTitle()) {
            result.rejectValue("titleFi", "problem.title-missing");
        }
        if (result.hasErrors()) {
            form.withEmptyRows();
            return workPackageForm(project, editing, model);
        }
        try {
            projects.put(form.toRequest(), "/api/projects/{id}/work-packages/{number}", id, form.getNumber());
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
        projects.delete("/api/projects/{id}/work-packages/{number}", id, number);
        redirect.addFlashAttribute("flash", "workPackage.removed");
        return "redirect:/app/projects/" + id + "#work-packages";
    }

    // --- indicators

    @GetMapping("/app/projects/{id}/indicators/new")
    String newIndicator(@PathVariable String id, Model model) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        model.addAttribute("form", new IndicatorForm());
        return indicatorForm(project, null, model);
    }

    @GetMapping("/app/projects/{id}/indicators/{code}")
    String editIndicator(@PathVariable String id, @PathVariable String code, Model model) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        model.addAttribute("form", IndicatorForm.of(indicator(project, code)));
        return indicatorForm(project, code, model);
    }

    @PostMapping("/app/projects/{id}/indicators")
    String saveIndicator(@PathVariable String id, @RequestParam(required = false) String editing,
            @Valid @ModelAttribute("form") IndicatorForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        if (!form.hasName()) {
            result.rejectValue("nameFi", "problem.name-missing");
        }
        if (result.hasErrors()) {
            return indicatorForm(project, editing, model);
        }
        try {
            projects.put(form.toRequest(), "/api/projects/{id}/indicators/{code}", id, form.getCode());
            redirect.addFlashAttribute("flash", "indicator.saved");
            return "redirect:/app/projects/" + id + "#indicators";
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, IndicatorForm::formField, Map.of("indicator-negative", "target"));
            return indicatorForm(project, editing, model);
        }
    }

    @GetMapping("/app/projects/{id}/indicators/{code}/report")
    String reportForm(@PathVariable String id, @PathVariable String code, Model model) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        model.addAttribute("form", new ReportForm());
        return reportPage(project, code, model);
    }

    @PostMapping("/app/projects/{id}/indicators/{code}/report")
    String report(@PathVariable String id, @PathVariable String code, @Valid @ModelAttribute("form") ReportForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                projects.post(form.toRequest(), "/api/projects/{id}/indicators/{code}/values", id, code);
                redirect.addFlashAttribute("flash", "indicator.reported");
                return "redirect:/app/projects/" + id + "#indicator-" + code;
            } catch (ServiceProblem problem) {
                if (problem.notFound()) {
                    throw problem;
                }
                Forms.reject(result, problem, field -> field, Map.of("indicator-negative", "value"));
            }
        }
        return reportPage(projects.get("/api/projects/{id}", id), code, model);
    }

    // --- audit trail

    @GetMapping("/app/projects/{id}/audit")
    String audit(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        Map<String, Object> trail = projects.get("/api/projects/{id}/audit?page={page}&size={size}", id, Math.max(0, page),
                AUDIT_PAGE_SIZE);
        model.addAttribute("project", project);
        model.addAttribute("page", trail);
        model.addAttribute("entries", trail.get("items"));
        return "app/projects/audit";
    }

    // ---

    private String form(Map<String, Object> project, CityUser user, Model model) {
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

    private String workPackageForm(Map<String, Object> project, Integer editing, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("editing", editing);
        model.addAttribute("deliverableStatusChoices", choices.deliverableStatuses());
        return "app/projects/work-package";
    }

    private String indicatorForm(Map<String, Object> project, String editing, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("editing", editing);
        model.addAttribute("feedChoices", choices.feeds());
        model.addAttribute("units", IndicatorForm.UNITS);
        return "app/projects/indicator";
    }

    private String reportPage(Map<String, Object> project, String code, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("indicator", indicator(project, code));
        return "app/projects/report";
    }

    private static Map<String, Object> workPackage(Map<String, Object> project, int number) {
        return part(project, "workPackages", item -> item.get("number") instanceof Number n && n.intValue() == number,
                "Work package " + number);
    }

    private static Map<String, Object> indicator(Map<String, Object> project, String code) {
        return part(project, "indicators", item -> code.equals(item.get("code")), "Indicator " + code);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> project, String list, java.util.function.Predicate<Map<String, Object>> which,
            String what) {
        if (project.get(list) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map && which.test((Map<String, Object>) map)) {
                    return new LinkedHashMap<>((Map<String, Object>) map);
                }
            }
        }
        throw new ServiceProblem(404, "not-found", what, Map.of());
    }

    static boolean manages(CityUser user) {
        return user.roles().contains(CityUser.PROJECT_MANAGER) || user.roles().contains(CityUser.ADMIN);
    }

    /** Only the lead city (or an admin) changes who takes part; a new project is the planner's to set. */
    static boolean mayChangeCities(CityUser user, Map<String, Object> project) {
        return project == null || user.roles().contains(CityUser.ADMIN) || user.cities().contains(String.valueOf(project.get("leadCity")));
    }

    private static void addIfPresent(UriComponentsBuilder search, String name, String value) {
        if (value != null && !value.isBlank()) {
            search.queryParam(name, value.trim().replaceAll("[{}]", ""));
        }
    }
}
