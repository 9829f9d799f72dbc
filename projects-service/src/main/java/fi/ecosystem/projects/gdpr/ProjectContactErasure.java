package fi.ecosystem.projects.gdpr;

import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.contacts.ContactErased;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.projects.project.ProjectContactLists;
import fi.ecosystem.projects.reporting.Evidence;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * A person asked to be forgotten: they disappear from the contact persons of every project (the role and
 * organisation stay, so the project still shows it had a project manager) and from the audit trail's
 * pictures of those lists. The audit entries themselves stay — who changed what, when — without the person.
 * Their check-ins in the reporting evidence keep counting under a random pseudonym ({@link Evidence#forget}).
 * Repeating it changes nothing more.
 */
@Service
public class ProjectContactErasure {

    /** The collections the erasure's counterpart, the person's data export, reads. */
    static final String PROJECTS = "projects";
    static final String AUDIT = "project_audit";

    private final ProjectContactLists lists;
    private final PrivacyAudit audit;
    private final PersonalDataKeys keys;
    private final EmailHash emailHash;
    private final Evidence evidence;

    ProjectContactErasure(ProjectContactLists lists, PrivacyAudit audit, PersonalDataKeys keys, EmailHash emailHash,
            Evidence evidence) {
        this.lists = lists;
        this.audit = audit;
        this.keys = keys;
        this.emailHash = emailHash;
        this.evidence = evidence;
    }

    public Map<String, Long> erase(ContactErased person, String eventId) {
        long contacts = 0;
        long entries = 0;
        for (String hash : person.allEmailHashes()) {
            PersonInProjects.Wanted wanted = new PersonInProjects.Wanted(hash, emailHash);
            Set<String> identifying = new TreeSet<>();
            contacts += eraseFromProjects(wanted, identifying);
            entries += eraseFromAudit(wanted, identifying);
        }
        Map<String, Long> items = new LinkedHashMap<>();
        items.put("projectContacts", contacts);
        items.put("auditEntries", entries);
        items.put("attendanceEvidence", evidence.forget(person.allEmailHashes()));
        keys.shred(PersonalData.keysOf(person.contactId(), person.allEmailHashes()));
        audit.erased(person.contactId(), eventId, items);
        return items;
    }

    private long eraseFromProjects(PersonInProjects.Wanted hash, Set<String> identifying) {
        long[] contacts = {0};
        lists.rewrite(list -> {
            var theirs = PersonInProjects.in(list, hash);
            if (theirs.isEmpty()) {
                return null;
            }
            theirs.forEach(contact -> remember(contact, identifying));
            contacts[0] += theirs.size();
            return PersonInProjects.anonymise(list, hash, Set.of());
        });
        return contacts[0];
    }

    private long eraseFromAudit(PersonInProjects.Wanted hash, Set<String> identifying) {
        return lists.rewriteAudit(entry -> {
            var changes = PersonInProjects.contactChanges(entry, hash);
            if (changes.isEmpty()) {
                return null;
            }
            for (Document change : changes) {
                PersonInProjects.in(change.get("before"), hash).forEach(contact -> remember(contact, identifying));
                PersonInProjects.in(change.get("after"), hash).forEach(contact -> remember(contact, identifying));
            }
            return PersonInProjects.anonymise(entry, hash, identifying);
        });
    }

    private static void remember(Map<?, ?> contact, Set<String> identifying) {
        for (String field : new String[] {"name", "email"}) {
            if (contact.get(field) instanceof String value && !value.isBlank() && !value.equals(PersonInProjects.ERASED)) {
                identifying.add(value);
            }
        }
    }
}
