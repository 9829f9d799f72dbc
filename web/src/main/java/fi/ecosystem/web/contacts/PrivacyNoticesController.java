package fi.ecosystem.web.contacts;

import fi.ecosystem.contacts.api.ContactsApi;
import fi.ecosystem.contacts.api.PrivacyNotice;
import fi.ecosystem.contracts.ItemsPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * GDPR art. 19 for a city's admins: what other cities' admins did with people this city sees (an export made for the
 * person, an erasure), newest first, and marking a notice read. contacts-service decides who may read them (its
 * admin-needed refusal becomes the error page in the user's language), so this page checks no role itself.
 */
@Controller
class PrivacyNoticesController {

    static final int SIZE = 20;

    private final ContactsApi contacts;

    PrivacyNoticesController(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/app/privacy-notices")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        ItemsPage<PrivacyNotice> notices = contacts.notices(Math.max(0, page), SIZE);
        model.addAttribute("page", notices);
        model.addAttribute("notices", notices.items());
        return "app/contacts/notices";
    }

    @PostMapping("/app/privacy-notices/{id}/read")
    String read(@PathVariable String id, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        contacts.readNotice(id);
        redirect.addFlashAttribute("flash", "notices.marked");
        return "redirect:/app/privacy-notices?page=" + Math.max(0, page);
    }
}
