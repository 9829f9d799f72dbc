package fi.ecosystem.contacts.contact;

import java.util.Set;

/**
 * What a caller may see of people: the scopes of their cities (the projects those cities take part in and the
 * cities themselves). An event organiser without another reading role sees people only through participations,
 * and of them only the scopes they took part in.
 */
public record Visibility(Set<String> scopes, boolean participantsOnly) {

    public Visibility {
        scopes = Set.copyOf(scopes);
    }

    /** Whether a fact of this scope may be shown. */
    public boolean sees(String scope) {
        return scope != null && scopes.contains(scope);
    }

    /** Whether the person is visible at all: at least one fact of theirs is. */
    public boolean seesPerson(Contact contact) {
        return !contact.viewFor(this).scopes().isEmpty();
    }
}
