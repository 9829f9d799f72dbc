package fi.ecosystem.contacts;

import fi.ecosystem.platform.testing.ServiceArchitectureTest;
import java.util.Map;

/** The rules of docs/architecture.md for contacts-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("fi.ecosystem.contacts", Map.of(
                "fi.ecosystem.contacts.contact.ContactWords",
                "the search words' index (contact_words), one document per person and scope derived from contacts, "
                        + "rewritten in bulk; no aggregate",
                "fi.ecosystem.contacts.contact.MergedAddresses",
                "the merged addresses' pointers (contact_addresses: address hash → surviving person); no aggregate",
                "fi.ecosystem.contacts.contact.PersonSources.run",
                "the start-up migration's marker (contact_migrations); the people themselves are written through Contact",
                "fi.ecosystem.contacts.contact.Retention.acquireLease",
                "the retention job's lease (contact_leases), one document taken by one replica; no aggregate"));
    }
}
