package fi.ecosystem.web.reporting;

import fi.ecosystem.web.support.ServiceProblem;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's reporting periods for its people: each period's figures counted from evidence, the locked ones with
 * their corrections, the report pack to download, and for the lead city's project manager submitting and locking.
 * The service decides who may do what; a refusal comes back as a message in the page's language.
 */
@Controller
class ReportingController {

    private static final List<String> STEPS = List.of("submission", "reopening", "lock");

    private final ReportingPeriods reporting;

    ReportingController(ReportingPeriods reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/app/projects/{id}/reporting")
    String periods(@PathVariable String id, Model model) {
        model.addAttribute("project", reporting.project(id));
        model.addAttribute("periods", reporting.periods(id));
        model.addAttribute("lang", fi.ecosystem.web.support.Formats.language());
        return "app/reporting/periods";
    }

    @PostMapping("/app/projects/{id}/reporting/{label}/{step}")
    String step(@PathVariable String id, @PathVariable String label, @PathVariable String step, RedirectAttributes redirect) {
        if (!STEPS.contains(step)) {
            redirect.addFlashAttribute("flashError", "problem.reporting-step-unknown");
            return "redirect:/app/projects/" + id + "/reporting";
        }
        try {
            reporting.step(id, label, step);
            redirect.addFlashAttribute("flash", "reporting.done." + step);
        } catch (ServiceProblem problem) {
            if (problem.notFound()) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", "problem." + problem.code());
        }
        return "redirect:/app/projects/" + id + "/reporting";
    }
}
