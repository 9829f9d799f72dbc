package fi.ecosystem.web.projects;

import fi.ecosystem.web.support.Forms;
import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import jakarta.validation.Valid;
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

/** Projects: search with filters, a project with everything it holds, planning and editing for project managers. */
@Controller
class ProjectsController {

    static final List<String> STATUSES = List.of("PLANNED", "ACTIVE", "ENDED", "CONTINUED");
    static final List<String> THEMES = List.of("URBAN_CLEANTECH", "HUMAN_HEALTH_TECH", "DIGITALISING_INDUSTRY",
            "WELFARE_CITY", "SMART_CITIZEN", "MANUFACTURING", "DATA_CENTRES", "FOOD_PRODUCTION", "LOGISTICS",
            "ONLINE_AND_WHOLESALE_TRADE", "ICT", "WELLBEING", "TOURISM", "ENVIRONMENTAL_BUSINESS", "DESIGN");

    private final ServiceClient projects;
    private final ServiceClient events;

    ProjectsController(@Qualifier("projectsService") ServiceClient projects, @Qualifier("eventsService") ServiceClient events) {
        this.projects = projects;
        this.events = events;
    }

    @GetMapping("/app/projects")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String city,
            @RequestParam(defaultValue = "0") int page, Model model) {
        UriComponentsBuilder search = UriComponentsBuilder.fromPath("/api/projects").queryParam("size", 50)
                .queryParam("page", Math.max(0, page));
        addIfPresent(search, "q", q);
        addIfPresent(search, "status", status != null && STATUSES.contains(status) ? status : null);
        addIfPresent(search, "theme", theme != null && THEMES.contains(theme) ? theme : null);
        addIfPresent(search, "city", city);
        Map<String, Object> answer = projects.get(search.build().toUriString());
        model.addAttribute("page", answer);
        model.addAttribute("projects", answer.get("items"));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("theme", theme);
        model.addAttribute("city", city);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("themes", THEMES);
        return "app/projects/list";
    }

    @GetMapping("/app/projects/{id}")
    String project(@PathVariable String id, Model model) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        model.addAttribute("project", project);
        try {
            model.addAttribute("events", events.items("/api/events?size=200").stream()
                    .filter(event -> id.equals(event.get("projectId"))).toList());
        } catch (ServiceUnavailable | ServiceProblem unavailable) {
            model.addAttribute("events", List.of());
        }
        return "app/projects/project";
    }

    @GetMapping("/app/projects/new")
    String newProject(Model model) {
        model.addAttribute("form", new ProjectForm());
        return form(null, model);
    }

    @PostMapping("/app/projects")
    String plan(@Valid @ModelAttribute("form") ProjectForm form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            return form(null, model);
        }
        try {
            Map<String, Object> created = projects.post(form.toRequest(null), "/api/projects");
            return "redirect:/app/projects/" + created.get("id");
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, ProjectForm::formField);
            return form(null, model);
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            return form(null, model);
        }
    }

    @GetMapping("/app/projects/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        model.addAttribute("form", ProjectForm.of(project));
        return form(project, model);
    }

    @PostMapping("/app/projects/{id}")
    String save(@PathVariable String id, @Valid @ModelAttribute("form") ProjectForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Map<String, Object> project = projects.get("/api/projects/{id}", id);
        if (result.hasErrors()) {
            return form(project, model);
        }
        try {
            projects.put(form.toRequest(project), "/api/projects/{id}", id);
            redirect.addFlashAttribute("flash", "project.saved");
            return "redirect:/app/projects/" + id;
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, ProjectForm::formField);
            return form(project, model);
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            return form(project, model);
        }
    }

    private String form(Map<String, Object> project, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("themes", THEMES);
        return "app/projects/form";
    }

    private static void addIfPresent(UriComponentsBuilder search, String name, String value) {
        if (value != null && !value.isBlank()) {
            search.queryParam(name, value.trim().replaceAll("[{}]", ""));
        }
    }
}
