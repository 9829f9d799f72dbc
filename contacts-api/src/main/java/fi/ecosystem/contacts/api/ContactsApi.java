package fi.ecosystem.contacts.api;

import fi.ecosystem.contracts.ItemsPage;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * contacts-service's staff API (people at {@code /api/contacts}, organisations at {@code /api/organisations}) as a client
 * calls it (a proxy from Spring's HttpServiceProxyFactory). The records are the ones the service's controllers answer
 * and accept.
 */
@HttpExchange
public interface ContactsApi {

    /** The people linked to the caller's cities; {@code q}: words that begin the first or last name. */
    @GetExchange("/api/contacts")
    ItemsPage<ContactSummary> list(@RequestParam int size, @RequestParam int page, @RequestParam(required = false) String q,
            @RequestParam(required = false) String organisationId);

    /** One person; the id of a person merged into another answers that other person. */
    @GetExchange("/api/contacts/{id}")
    ContactResponse get(@PathVariable String id);

    @PutExchange("/api/contacts/{id}")
    ContactResponse edit(@PathVariable String id, @RequestBody PersonRequest person);

    @GetExchange("/api/contacts/{id}/duplicates")
    List<DuplicateCandidate> duplicates(@PathVariable String id);

    @PostExchange("/api/contacts/{id}/merge")
    ContactResponse merge(@PathVariable String id, @RequestBody MergeRequest merge);

    @PostExchange("/api/contacts/{id}/consents")
    ContactResponse giveConsent(@PathVariable String id, @RequestBody ConsentRequest consent);

    @PostExchange("/api/contacts/{id}/consents/{consentId}/withdrawal")
    ContactResponse withdrawConsent(@PathVariable String id, @PathVariable String consentId);

    /** Everything every service holds about the person, as a file: {@code json} or {@code html} (for the person). */
    @GetExchange("/api/contacts/{id}/gdpr-export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam String format);

    /** The person erased in every service; the erasure's state is at {@code /api/contacts/{id}/erasure}. */
    @PostExchange("/api/contacts/{id}/erasure")
    void erase(@PathVariable String id);

    /** GDPR art. 19 notices to the caller's city, newest first (admins). */
    @GetExchange("/api/contacts/notices")
    ItemsPage<PrivacyNotice> notices(@RequestParam int page, @RequestParam int size);

    @PostExchange("/api/contacts/notices/{id}/read")
    PrivacyNotice readNotice(@PathVariable String id);

    @GetExchange("/api/organisations")
    ItemsPage<OrganisationResponse> organisations(@RequestParam int size, @RequestParam int page);

    @GetExchange("/api/organisations/{id}")
    OrganisationResponse organisation(@PathVariable String id);
}
