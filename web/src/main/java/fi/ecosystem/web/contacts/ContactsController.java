package fi.ecosystem.web.contacts;

import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People and organisations: search, a person with their participation history and consents, and the
 * GDPR actions — export their data, erase them (after a confirmation page). The GDPR endpoints may be
 * missing from an older contacts service: the page then says so.
 */
@Controller
class ContactsController {

    private final ServiceClient contacts;

    ContactsController(@Qualifier("contactsService") ServiceClient contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/app/contacts")
    String list(@RequestParam(required = false) String q, Model model) {
        List<Map<String, Object>> people = q == null || q.isBlank() ? contacts.items("/api/contacts?size=200")
                : contacts.items("/api/contacts?size=200&q={q}", q.trim());
        model.addAttribute("people", people);
        model.addAttribute("q", q);
        List<Map<String, Object>> organisations = contacts.items("/api/organisations?size=200");
        model.addAttribute("organisations", q == null || q.isBlank() ? organisations
                : organisations.stream().filter(organisation -> matches(organisation, q)).toList());
        return "app/contacts/list";
    }

    @GetMapping("/app/contacts/{id}")
    String person(@PathVariable String id, Model model) {
        model.addAttribute("person", contacts.get("/api/contacts/{id}", id));
        return "app/contacts/person";
    }

    @GetMapping("/app/contacts/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
        String kind = "html".equals(format) ? "html" : "json";
        try {
            // the document is for the person, so in their language (the service knows it), not the admin's
            ResponseEntity<byte[]> file = contacts.download("/api/contacts/{id}/gdpr-export?format={format}", id, kind);
            MediaType type = file.getHeaders().getContentType() == null ? MediaType.APPLICATION_JSON : file.getHeaders().getContentType();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(type);
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename("contact-" + id + "." + kind).build());
            return ResponseEntity.ok().headers(headers).body(file.getBody());
        } catch (ServiceProblem problem) {
            if (!problem.notOffered()) {
                throw problem;
            }
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/app/contacts/" + id + "?gdpr=missing").build();
        }
    }

    @GetMapping("/app/contacts/{id}/erase")
    String confirmErasure(@PathVariable String id, Model model) {
        model.addAttribute("person", contacts.get("/api/contacts/{id}", id));
        return "app/contacts/erase";
    }

    @PostMapping("/app/contacts/{id}/erase")
    String erase(@PathVariable String id, RedirectAttributes redirect) {
        try {
            contacts.post(null, "/api/contacts/{id}/erasure", id);
            redirect.addFlashAttribute("flash", "contact.erased");
            return "redirect:/app/contacts";
        } catch (ServiceProblem problem) {
            if (!problem.notOffered()) {
                throw problem;
            }
            return "redirect:/app/contacts/" + id + "?gdpr=missing";
        }
    }

    private static boolean matches(Map<String, Object> item, String q) {
        String text = item.toString().toLowerCase();
        for (String word : q.toLowerCase().trim().split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
