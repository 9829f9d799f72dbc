package fi.ecosystem.contacts.contact.web;

import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.contacts.contact.Participation;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts", description = "People linked to the projects of the caller's cities; others answer 404")
@SecurityRequirement(name = "keycloak")
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    record ContactResponse(String id, String email, String firstName, String lastName, String organisationName,
            String language, Set<String> projectIds, List<Participation> participations) {

        static ContactResponse of(Contact contact) {
            return new ContactResponse(contact.id(), contact.email(), contact.firstName(), contact.lastName(),
                    contact.organisationName(), contact.language(), contact.projectIds(), contact.participations());
        }
    }

    @GetMapping
    @Operation(summary = "List people linked to the caller's cities' projects")
    PageResponse<ContactResponse> list(@Parameter(hidden = true) CityUser user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(contacts.list(user, PageRequest.of(page, size, Sort.by("lastName", "firstName", "_id"))),
                ContactResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person with their participation history")
    ContactResponse get(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return ContactResponse.of(contacts.get(user, id));
    }
}
