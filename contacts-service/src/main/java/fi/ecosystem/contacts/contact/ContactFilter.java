package fi.ecosystem.contacts.contact;

/**
 * A search of people, matched on what the caller sees of each person (see {@code ContactService#search}): the
 * name and organisation words are prefixes of folded words of the visible sources.
 *
 * @param q            words that each begin a word of the first or last name (case and diacritics ignored)
 * @param organisation words that each begin a word of the organisation's name
 * @param role         a project role, e.g. PROJECT_MANAGER
 * @param projectId    people linked to this project
 * @param city         people linked to projects this city takes part in
 */
public record ContactFilter(String q, String organisation, String organisationId, String email, String role,
        String projectId, String city) {

    public static final ContactFilter NONE = new ContactFilter(null, null, null, null, null, null, null);
}
