package fi.ecosystem.web.contacts;

import fi.ecosystem.contacts.api.ContactResponse;
import fi.ecosystem.contacts.api.ContactSummary;
import fi.ecosystem.contacts.api.ContactsApi;
import fi.ecosystem.contacts.api.DuplicateCandidate;
import fi.ecosystem.contacts.api.MergeRequest;
import fi.ecosystem.contacts.api.OrganisationResponse;
import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.api.EventsApi;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.ProjectsApi;
import fi.ecosystem.web.support.Forms;
import fi.ecosystem.web.support.Pager;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * People and organisations: search, a person with their participation history and consents, editing them,
 * recording and withdrawing consents, merging a duplicate after a side-by-side preview, an organisation with its
 * people and projects, and the GDPR actions — export their data, erase them (after a confirmation page). The GDPR endpoints may be
 * missing from an older contacts service: the page then says so.
 */
@Controller
class ContactsController {

    /** Who may change people: the roles contacts-service lets write (event organisers only read). */
    static final Set<String> WRITERS = Set.of(CityUser.STAFF, CityUser.PROJECT_MANAGER, CityUser.ADMIN);

    private final ContactsApi contacts;
    private final EventsApi events;
    private final ProjectsApi projects;
    private final MessageSource messages;

    ContactsController(ContactsApi contacts, EventsApi events, ProjectsApi projects, MessageSource messages) {
        this.contacts = contacts;
        this.events = events;
        this.projects = projects;
        this.messages = messages;
    }

    @GetMapping("/app/contacts")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        ItemsPage<ContactSummary> found = contacts.list(Pager.SIZE, Math.max(0, page), Texts.trimmed(q), null);
        model.addAttribute("people", found.items());
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/app/contacts");
        if (q != null && !q.isBlank()) {
            here.queryParam("q", q.trim());
        }
        model.addAttribute("pager", pager(found, here));
        model.addAttribute("q", q);
        List<OrganisationResponse> organisations = contacts.organisations(200, 0).items();
        model.addAttribute("organisations", q == null || q.isBlank() ? organisations
                : organisations.stream().filter(organisation -> matches(organisation, q)).toList());
        return "app/contacts/list";
    }

    @GetMapping("/app/contacts/{id}")
    String person(@PathVariable String id, CityUser user, Model model) {
        ContactResponse person = contacts.get(id);
        if (!id.equals(person.id())) {
            return "redirect:/app/contacts/" + person.id(); // a merged duplicate's old address
        }
        return personPage(person, user, new ConsentForm(), model);
    }

    private String personPage(ContactResponse person, CityUser user, ConsentForm consentForm, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("mayWrite", mayWrite(user));
        model.addAttribute("consentForm", consentForm);
        model.addAttribute("purposes", texts("consentPurpose.", ConsentForm.PURPOSES));
        model.addAttribute("legalBases", texts("legalBasis.", ConsentForm.LEGAL_BASES));
        model.addAttribute("sources", texts("consentSource.", ConsentForm.SOURCES));
        Set<String> eventIds = new LinkedHashSet<>();
        Set<String> projectIds = new LinkedHashSet<>();
        for (ContactResponse.Participation participation : person.participations()) {
            addIfText(eventIds, participation.eventId());
            addIfText(projectIds, participation.projectId());
        }
        person.roles().forEach(role -> addIfText(projectIds, role.projectId()));
        model.addAttribute("eventTitles", names(eventIds, eventId -> events.get(eventId).title()));
        model.addAttribute("projectNames", names(projectIds, projectId -> projects.get(projectId).name()));
        return "app/contacts/person";
    }

    @GetMapping("/app/contacts/{id}/edit")
    String editPerson(@PathVariable String id, Model model) {
        ContactResponse person = contacts.get(id);
        model.addAttribute("person", person);
        model.addAttribute("form", PersonEditForm.of(person));
        return "app/contacts/edit";
    }

    @PostMapping("/app/contacts/{id}")
    String savePerson(@PathVariable String id, @Valid @ModelAttribute("form") PersonEditForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        ContactResponse person = contacts.get(id);
        model.addAttribute("person", person);
        if (result.hasErrors()) {
            return "app/contacts/edit";
        }
        try {
            contacts.edit(id, form.toRequest(person));
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, PersonEditForm::formField);
            return "app/contacts/edit";
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            return "app/contacts/edit";
        }
        redirect.addFlashAttribute("flash", "contact.saved");
        return "redirect:/app/contacts/" + id;
    }

    @PostMapping("/app/contacts/{id}/consents")
    String giveConsent(@PathVariable String id, @Valid @ModelAttribute("consentForm") ConsentForm form, BindingResult result,
            CityUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                contacts.giveConsent(id, form.toRequest());
                redirect.addFlashAttribute("flash", "consent.recorded");
                return "redirect:/app/contacts/" + id + "#consents";
            } catch (ServiceProblem problem) {
                Forms.reject(result, problem);
            } catch (ServiceUnavailable unavailable) {
                result.reject("service.unavailable");
            }
        }
        model.addAttribute("consentOpen", true);
        return personPage(contacts.get(id), user, form, model);
    }

    @PostMapping("/app/contacts/{id}/consents/{consentId}/withdraw")
    String withdrawConsent(@PathVariable String id, @PathVariable String consentId, RedirectAttributes redirect) {
        try {
            contacts.withdrawConsent(id, consentId);
            redirect.addFlashAttribute("flash", "consent.withdrawnNow");
        } catch (ServiceProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", "problem." + problem.code());
        }
        return "redirect:/app/contacts/" + id + "#consents";
    }

    /**
     * Merging: the people who may be the same as this one (as the caller sees them), and with {@code duplicate} the
     * two side by side and what the merge keeps, before the confirmation.
     */
    @GetMapping("/app/contacts/{id}/merge")
    String mergePreview(@PathVariable String id, @RequestParam(required = false) String duplicate, Model model) {
        ContactResponse person = contacts.get(id);
        model.addAttribute("person", person);
        List<DuplicateCandidate> candidates;
        try {
            candidates = contacts.duplicates(id);
        } catch (ServiceProblem problem) {
            if (!problem.notOffered()) {
                throw problem;
            }
            candidates = List.of(); // an older contacts service: no candidates, and the page says so
        }
        model.addAttribute("candidates", candidates);
        if (duplicate != null && !duplicate.isBlank()) {
            ContactResponse other = contacts.get(duplicate);
            if (id.equals(other.id())) {
                return "redirect:/app/contacts/" + id; // merged already: the duplicate's address leads here
            }
            model.addAttribute("duplicate", other);
            model.addAttribute("eventTitles", Map.of());
        }
        return "app/contacts/merge";
    }

    @PostMapping("/app/contacts/{id}/merge")
    String merge(@PathVariable String id, @RequestParam String duplicateId, @RequestParam(defaultValue = "false") boolean confirmed,
            Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            return "redirect:/app/contacts/" + id + "/merge?duplicate=" + duplicateId;
        }
        try {
            contacts.merge(id, new MergeRequest(duplicateId));
        } catch (ServiceProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", "problem." + problem.code());
            model.addAttribute("person", contacts.get(id));
            model.addAttribute("candidates", List.of());
            return "app/contacts/merge";
        }
        redirect.addFlashAttribute("flash", "contact.merged");
        return "redirect:/app/contacts/" + id;
    }

    /** An organisation: its people the caller may see (a page at a time) and its projects of the caller's cities. */
    @GetMapping("/app/organisations/{id}")
    String organisation(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        OrganisationResponse organisation = contacts.organisation(id);
        model.addAttribute("organisation", organisation);
        ItemsPage<ContactSummary> people = contacts.list(Pager.SIZE, Math.max(0, page), null, id);
        model.addAttribute("people", people.items());
        model.addAttribute("pager", pager(people, UriComponentsBuilder.fromPath("/app/organisations/{id}")
                .uriVariables(Map.of("id", id))));
        List<ProjectResponse> shownProjects = new ArrayList<>();
        for (String projectId : organisation.projectIds()) {
            try {
                shownProjects.add(projects.get(projectId));
            } catch (ServiceProblem notVisible) {
                // another city's project: not this caller's to see
            } catch (ServiceUnavailable unavailable) {
                model.addAttribute("projectsUnavailable", true);
                break;
            }
        }
        model.addAttribute("projects", shownProjects);
        return "app/contacts/organisation";
    }

    @GetMapping("/app/contacts/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
        String kind = "html".equals(format) ? "html" : "json";
        try {
            // the document is for the person, so in their language (the service knows it), not the admin's
            ResponseEntity<byte[]> file = contacts.export(id, kind);
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
        model.addAttribute("person", contacts.get(id));
        return "app/contacts/erase";
    }

    @PostMapping("/app/contacts/{id}/erase")
    String erase(@PathVariable String id, RedirectAttributes redirect) {
        try {
            contacts.erase(id);
            redirect.addFlashAttribute("flash", "contact.erased");
            return "redirect:/app/contacts";
        } catch (ServiceProblem problem) {
            if (!problem.notOffered()) {
                throw problem;
            }
            return "redirect:/app/contacts/" + id + "?gdpr=missing";
        }
    }

    /** Each word is in the organisation's name (in a language) or its business ID. */
    private static boolean matches(OrganisationResponse organisation, String q) {
        LocalizedText name = organisation.name() == null ? new LocalizedText(null, null, null) : organisation.name();
        String text = String.join(" ", Objects.toString(name.fi(), ""), Objects.toString(name.sv(), ""),
                Objects.toString(name.en(), ""), Objects.toString(organisation.businessId(), "")).toLowerCase();
        for (String word : q.toLowerCase().trim().split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static boolean mayWrite(CityUser user) {
        return user != null && user.roles().stream().anyMatch(WRITERS::contains);
    }

    private static void addIfText(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }

    private static Pager pager(ItemsPage<?> page, UriComponentsBuilder here) {
        return Pager.of(page.page(), Math.max(1, page.size()), page.totalItems(), page.items().size(), here);
    }

    /** id → the service's localised name of each; one the caller may not see (or an unanswering service) is left out. */
    private static Map<String, LocalizedText> names(Set<String> ids, java.util.function.Function<String, LocalizedText> nameOf) {
        Map<String, LocalizedText> names = new HashMap<>();
        for (String id : ids) {
            try {
                names.put(id, nameOf.apply(id));
            } catch (ServiceProblem | ServiceUnavailable notShown) {
                // the page says "not visible to you" instead of an id
            }
        }
        return names;
    }

    private Map<String, String> texts(String prefix, List<? extends Enum<?>> codes) {
        Map<String, String> texts = new LinkedHashMap<>();
        codes.forEach(code -> texts.put(code.name(), messages.getMessage(prefix + code.name(), null, code.name(),
                LocaleContextHolder.getLocale())));
        return texts;
    }
}
