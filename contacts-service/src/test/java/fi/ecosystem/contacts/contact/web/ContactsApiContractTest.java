package fi.ecosystem.contacts.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.contacts.api.ContactsApi;
import fi.ecosystem.platform.testing.HttpInterfaces;
import org.junit.jupiter.api.Test;

/**
 * The web UI's client (contacts-api's {@link ContactsApi}) calls only what the controllers serve: they do not implement
 * the interface (their handlers take the caller, resolved from the token, and the API spans three controllers), so
 * the paths are compared here; the records are the same classes on both sides.
 */
class ContactsApiContractTest {

    @Test
    void everyEndpointTheClientCallsIsServed() throws Exception {
        assertThat(HttpInterfaces.servedBy(ContactController.class,
                Class.forName("fi.ecosystem.contacts.organisation.web.OrganisationController"),
                Class.forName("fi.ecosystem.contacts.gdpr.web.GdprController")))
                .containsAll(HttpInterfaces.calledBy(ContactsApi.class))
                .contains("GET /api/contacts/{}", "GET /api/organisations/{}", "POST /api/contacts/{}/erasure");
    }
}
