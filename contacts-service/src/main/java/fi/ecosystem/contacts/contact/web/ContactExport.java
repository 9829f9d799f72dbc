package fi.ecosystem.contacts.contact.web;

import fi.ecosystem.contacts.contact.PersonView;
import fi.ecosystem.platform.web.Spreadsheet;
import fi.ecosystem.platform.web.Spreadsheet.Column;
import java.util.List;

/** The columns of a people list download. */
final class ContactExport {

    private ContactExport() {
    }

    static Spreadsheet<PersonView> sheet() {
        return new Spreadsheet<>("Contacts", List.of(
                new Column<>("id", PersonView::id),
                new Column<>("lastName", PersonView::lastName),
                new Column<>("firstName", PersonView::firstName),
                new Column<>("title", PersonView::title),
                new Column<>("organisation", PersonView::organisationName),
                new Column<>("email", PersonView::email),
                new Column<>("phone", PersonView::phone),
                new Column<>("language", PersonView::language),
                new Column<>("roles", contact -> String.join(", ", contact.roles().stream()
                        .map(role -> role.projectId() + ": " + role.role()).distinct().toList())),
                new Column<>("projects", contact -> String.join(", ", contact.projectIds().stream().sorted().toList())),
                new Column<>("lastActivity", contact -> contact.lastActivityAt() == null ? "" : contact.lastActivityAt().toString())));
    }
}
