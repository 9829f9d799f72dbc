package fi.ecosystem.contacts.contact.web;

import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.platform.web.Spreadsheet;
import fi.ecosystem.platform.web.Spreadsheet.Column;
import java.util.List;

/** The columns of a people list download. */
final class ContactExport {

    private ContactExport() {
    }

    static Spreadsheet<Contact> sheet() {
        return new Spreadsheet<>("Contacts", List.of(
                new Column<>("id", Contact::id),
                new Column<>("lastName", Contact::lastName),
                new Column<>("firstName", Contact::firstName),
                new Column<>("title", Contact::title),
                new Column<>("organisation", Contact::organisationName),
                new Column<>("email", Contact::email),
                new Column<>("phone", Contact::phone),
                new Column<>("language", Contact::language),
                new Column<>("roles", contact -> String.join(", ", contact.roles().stream()
                        .map(role -> role.projectId() + ": " + role.role()).distinct().toList())),
                new Column<>("projects", contact -> String.join(", ", contact.projectIds().stream().sorted().toList())),
                new Column<>("lastActivity", contact -> contact.lastActivityAt() == null ? "" : contact.lastActivityAt().toString())));
    }
}
