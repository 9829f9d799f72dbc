package fi.ecosystem.contacts.contact.web;

import fi.ecosystem.contacts.api.ConsentRequest;
import fi.ecosystem.contacts.api.ContactResponse;
import fi.ecosystem.contacts.api.ContactSummary;
import fi.ecosystem.contacts.api.DuplicateCandidate;
import fi.ecosystem.contacts.api.MergeRequest;
import fi.ecosystem.contacts.api.PersonRequest;
import fi.ecosystem.contacts.contact.ContactAudit;
import fi.ecosystem.contacts.contact.ContactFilter;
import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.contacts.contact.PersonView;
import fi.ecosystem.contacts.contact.web.ContactRequests.RoleBody;
import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.Pages;
import fi.ecosystem.platform.web.Spreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts", description = "People linked to the caller's cities, each as the caller's cities see them: only "
        + "the facts whose source (project or city) the caller sees; others answer 404. Reading needs the role staff, "
        + "project-manager or admin (event organisers: the people of their events; a member without a role: 403). "
        + "Writing: staff, project managers and admins of such a city; integrators need contacts:write (reading contacts:read). "
        + "Errors are application/problem+json with a stable `code` or the `errors` of each field.")
@SecurityRequirement(name = "keycloak")
@ApiResponse(responseCode = "400", description = "Invalid input; `errors` or `field` say where",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "Visible, but the role (or the integrator's scope) to change it is missing",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "No such person, or none of the caller's cities' projects is theirs",
        content = @Content(mediaType = "application/problem+json"))
class ContactController {

    static final String SORT = "name|-name|lastActivityAt|-lastActivityAt|createdAt|-createdAt";

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Operation(summary = "Search people linked to the caller's cities' projects",
            description = "All filters are optional and combine. `q`: words that begin the first or last name, case and "
                    + "diacritics ignored (\"jarvi\" finds Järvinen). `organisation`: words that begin the organisation's name.")
    ItemsPage<ContactSummary> list(@Parameter(hidden = true) CityUser user,
            @Valid @ParameterObject ListQuery query,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Pages.of(contacts.search(user, query.filter(), PageRequest.of(page, size, query.order())),
                ContactRecords::summary);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The same search as a CSV file (semicolons, UTF-8 with BOM: opens in Excel with Finnish settings)",
            description = "At most " + ContactService.EXPORT_LIMIT + " rows")
    void exportCsv(@Parameter(hidden = true) CityUser user, @Valid @ParameterObject ListQuery query,
            HttpServletResponse response) throws IOException {
        ContactExport.sheet().csv(contacts.export(user, query.filter(), query.order()), response, "contacts");
    }

    @GetMapping(value = "/export.xlsx", produces = Spreadsheet.XLSX)
    @Operation(summary = "The same search as an Excel workbook")
    void exportXlsx(@Parameter(hidden = true) CityUser user, @Valid @ParameterObject ListQuery query,
            HttpServletResponse response) throws IOException {
        ContactExport.sheet().xlsx(contacts.export(user, query.filter(), query.order()), response, "contacts");
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person with roles, consents and participation history",
            description = "The id of a person merged into another leads to that other person")
    ContactResponse get(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return ContactRecords.response(contacts.view(user, id));
    }

    @PostMapping
    @Operation(summary = "Enter a person", description = "Linked to projects of the caller's city. The phone number is stored "
            + "in E.164. If people the caller sees have the same e-mail, phone or name (as the caller sees them), 409 "
            + "`possible-duplicates` lists them (`candidates`); repeat with allowDuplicate=true to create anyway. The same "
            + "e-mail of a person the caller sees is always 409 `duplicate-email`. An address of someone the caller does "
            + "not see links that person with what was entered: the answer is the same as for a new person.")
    @ApiResponse(responseCode = "201", description = "Entered; Location names the new person")
    @ApiResponse(responseCode = "409", description = "Possible duplicates (`candidates`) or a rule of the domain (`code`)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ContactResponse> create(@Parameter(hidden = true) CityUser user, @Valid @RequestBody PersonRequest body,
            @RequestParam(defaultValue = "false") boolean allowDuplicate) {
        PersonView contact = contacts.create(user, ContactRecords.details(body), body.projectIds() == null ? Set.of() : body.projectIds(),
                allowDuplicate);
        return ResponseEntity.created(URI.create("/api/contacts/" + contact.id())).body(ContactRecords.response(contact));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a person's name, title, organisation, e-mail, phone and language")
    ContactResponse edit(@Parameter(hidden = true) CityUser user, @PathVariable String id, @Valid @RequestBody PersonRequest body) {
        return ContactRecords.response(contacts.edit(user, id, ContactRecords.details(body)));
    }

    @GetMapping("/{id}/duplicates")
    @Operation(summary = "People who may be the same as this person", description = "Candidates to merge: people the caller "
            + "sees with the same e-mail, phone or name as what the caller sees of this person (`matchedOn` says which), "
            + "each as the caller sees them")
    List<DuplicateCandidate> duplicates(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return contacts.duplicatesOf(user, id).stream().map(ContactRecords::candidate).toList();
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge a duplicate into this person",
            description = "Participation history, consents, roles and project links are united; the duplicate's id and "
                    + "e-mail lead to this person from now on. Recorded in both audit trails. Repeating it changes nothing.")
    ContactResponse merge(@Parameter(hidden = true) CityUser user, @PathVariable String id, @Valid @RequestBody MergeRequest body) {
        return ContactRecords.response(contacts.merge(user, id, body.duplicateId()));
    }

    @PostMapping("/{id}/consents")
    @Operation(summary = "Record a consent", description = "Purpose, legal basis, source and the text or its version; "
            + "the time and who recorded it are added")
    ContactResponse giveConsent(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @Valid @RequestBody ConsentRequest body) {
        return ContactRecords.response(contacts.giveConsent(user, id, ContactRecords.purpose(body.purpose()),
                ContactRecords.legalBasis(body.legalBasis()), ContactRecords.source(body.source()),
                body.text(), body.textVersion()));
    }

    @PostMapping("/{id}/consents/{consentId}/withdrawal")
    @Operation(summary = "Withdraw a consent", description = "The consent stays in the history with the time of withdrawal")
    ContactResponse withdrawConsent(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable String consentId) {
        return ContactRecords.response(contacts.withdrawConsent(user, id, consentId));
    }

    @PutMapping("/{id}/roles/{projectId}")
    @Operation(summary = "Set the person's role in a project of the caller's city",
            description = "Roles that come from the project's own contact list are kept by projects-service")
    ContactResponse assignRole(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Size(max = 100) String projectId, @Valid @RequestBody RoleBody body) {
        return ContactRecords.response(contacts.assignRole(user, id, projectId, body.role(), body.organisation()));
    }

    @DeleteMapping("/{id}/roles/{projectId}")
    @Operation(summary = "Remove the role staff set in a project", description = "The person stays linked to the project")
    ContactResponse removeRole(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Size(max = 100) String projectId) {
        return ContactRecords.response(contacts.removeRole(user, id, projectId));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who did what to this person and when", description = "For staff and admins of a city that sees the person")
    ItemsPage<ContactAudit.Entry> audit(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return Pages.of(contacts.auditTrail(user, id, PageRequest.of(page, size)), entry -> entry);
    }

    /**
     * The search of the list and of its exports, from the query string.
     *
     * @param q words that begin the first or last name
     */
    record ListQuery(
            @Size(max = 200) @Parameter(example = "virt") String q,
            @Size(max = 200) @Parameter(example = "techvilla") String organisation,
            @Size(max = 100) String organisationId,
            @Size(max = 254) String email,
            @Pattern(regexp = ContactRequests.ROLE) @Parameter(example = "PROJECT_MANAGER") String role,
            @Size(max = 100) String projectId,
            @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String city,
            @Pattern(regexp = SORT) String sort) {

        ContactFilter filter() {
            return new ContactFilter(q, organisation, organisationId, email, role, projectId, city);
        }

        Sort order() {
            String requested = sort == null ? "name" : sort;
            boolean descending = requested.startsWith("-");
            String field = descending ? requested.substring(1) : requested;
            String property = "name".equals(field) ? "sortName" : field;
            return Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, property).and(Sort.by("_id"));
        }
    }
}
