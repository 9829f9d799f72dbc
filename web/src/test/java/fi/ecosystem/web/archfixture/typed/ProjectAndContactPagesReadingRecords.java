package fi.ecosystem.web.archfixture.typed;

import fi.ecosystem.contacts.api.ContactSummary;
import fi.ecosystem.contacts.api.ContactsApi;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.projects.api.ProjectsApi;
import java.util.List;

/** Project and contact pages as the typed-answers rule lets them be: the answers read as the APIs' records. */
class ProjectAndContactPagesReadingRecords {

    LocalizedText projectName(ProjectsApi projects) {
        return projects.get("kasvu").name();
    }

    List<ContactSummary> people(ContactsApi contacts) {
        return contacts.list(50, 0, null, null).items();
    }
}
