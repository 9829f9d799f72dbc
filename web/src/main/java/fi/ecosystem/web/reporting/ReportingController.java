package fi.ecosystem.web.reporting;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.projects.api.reporting.EvidenceRow;
import fi.ecosystem.projects.api.reporting.Figure;
import fi.ecosystem.projects.api.reporting.SessionRow;
import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.Pager;
import fi.ecosystem.web.support.ServiceProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A project's reporting periods for its people: each period's figures counted from evidence, each figure opening
 * the list behind it, the locked ones with their corrections, the report pack to download, and for the lead city's
 * project manager adding and removing periods, submitting, locking and correcting. The service decides who may do
 * what; a refusal comes back as a message in the page's language.
 */
@Controller
class ReportingController {

    private static final List<String> STEPS = List.of("submission", "reopening", "lock");
    /** The figures' names, as the page's links and the correction form carry them. */
    static final List<String> FIGURES = Arrays.stream(Figure.values()).map(Enum::name).toList();

    private final ReportingPeriods reporting;

    ReportingController(ReportingPeriods reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/app/projects/{id}/reporting")
    String periods(@PathVariable String id, Model model) {
        model.addAttribute("project", reporting.project(id));
        model.addAttribute("periods", reporting.periods(id));
        model.addAttribute("figures", FIGURES);
        model.addAttribute("lang", Formats.language());
        return "app/reporting/periods";
    }

    /** The list behind one figure of a period: within it, or everything up to its end. */
    @GetMapping("/app/projects/{id}/reporting/{label}/figures/{figure}")
    String behind(@PathVariable String id, @PathVariable String label, @PathVariable String figure,
            @RequestParam(defaultValue = "false") boolean cumulative, @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (!FIGURES.contains(figure)) {
            throw new ServiceProblem(404, "not-found", "No figure " + figure, Map.of());
        }
        ItemsPage<EvidenceRow> rows = reporting.behind(id, label, Figure.valueOf(figure), cumulative, Math.max(0, page), Pager.SIZE);
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/app/projects/{id}/reporting/{label}/figures/{figure}")
                .uriVariables(Map.of("id", id, "label", label, "figure", figure));
        if (cumulative) {
            here.queryParam("cumulative", true);
        }
        evidencePage(id, label, model);
        model.addAttribute("figure", figure);
        model.addAttribute("cumulative", cumulative);
        model.addAttribute("rows", rows.items());
        model.addAttribute("pager", Pager.of(rows.page(), rows.size(), rows.totalItems(), rows.items().size(), here));
        return "app/reporting/evidence";
    }

    /** The check-ins per session behind the period's participants, companies and completions. */
    @GetMapping("/app/projects/{id}/reporting/{label}/attendance")
    String attendance(@PathVariable String id, @PathVariable String label, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ItemsPage<SessionRow> rows = reporting.attendance(id, label, Formats.language(), Math.max(0, page), Pager.SIZE);
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/app/projects/{id}/reporting/{label}/attendance")
                .uriVariables(Map.of("id", id, "label", label));
        evidencePage(id, label, model);
        model.addAttribute("sessions", rows.items());
        model.addAttribute("pager", Pager.of(rows.page(), rows.size(), rows.totalItems(), rows.items().size(), here));
        return "app/reporting/evidence";
    }

    private void evidencePage(String id, String label, Model model) {
        model.addAttribute("project", reporting.project(id));
        model.addAttribute("period", reporting.period(id, label));
        model.addAttribute("figures", FIGURES);
    }

    @PostMapping("/app/projects/{id}/reporting/periods")
    String add(@PathVariable String id, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String startDate, @RequestParam(defaultValue = "") String endDate,
            RedirectAttributes redirect) {
        LocalDate start = date(startDate);
        LocalDate end = date(endDate);
        if (label.isBlank() || start == null || end == null) {
            redirect.addFlashAttribute("flashError", "problem.reporting-form-invalid");
            return back(id);
        }
        return act(id, redirect, "reporting.done.added", () -> reporting.add(id, label.strip(), start, end));
    }

    @PostMapping("/app/projects/{id}/reporting/{label}/removal")
    String remove(@PathVariable String id, @PathVariable String label, RedirectAttributes redirect) {
        return act(id, redirect, "reporting.done.removed", () -> reporting.remove(id, label));
    }

    @PostMapping("/app/projects/{id}/reporting/{label}/corrections")
    String correct(@PathVariable String id, @PathVariable String label, @RequestParam(defaultValue = "") String figure,
            @RequestParam(defaultValue = "0") String periodDelta, @RequestParam(defaultValue = "0") String cumulativeDelta,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Long period = number(periodDelta);
        Long cumulative = number(cumulativeDelta);
        if (!FIGURES.contains(figure) || period == null || cumulative == null || reason.isBlank()) {
            redirect.addFlashAttribute("flashError", "problem.reporting-form-invalid");
            return back(id);
        }
        return act(id, redirect, "reporting.done.corrected",
                () -> reporting.correct(id, label, Figure.valueOf(figure), period, cumulative, reason.strip()));
    }

    @PostMapping("/app/projects/{id}/reporting/{label}/{step}")
    String step(@PathVariable String id, @PathVariable String label, @PathVariable String step, RedirectAttributes redirect) {
        if (!STEPS.contains(step)) {
            redirect.addFlashAttribute("flashError", "problem.reporting-step-unknown");
            return back(id);
        }
        return act(id, redirect, "reporting.done." + step, () -> reporting.step(id, label, step));
    }

    /** Does what the manager asked; the service's refusal becomes a message, a form it finds invalid one too. */
    private String act(String id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (ServiceProblem problem) {
            if (problem.notFound()) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError",
                    problem.status() == 400 ? "problem.reporting-form-invalid" : "problem." + problem.code());
        }
        return back(id);
    }

    private static String back(String id) {
        return "redirect:/app/projects/" + id + "/reporting";
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text.strip().replace("+", ""));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
