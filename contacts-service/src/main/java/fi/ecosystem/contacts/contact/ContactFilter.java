package fi.ecosystem.contacts.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A search of people. Every query starts with the access rule — the projects of the caller's cities — on
 * the indexed {@code projectIds}; the name and organisation words are prefixes of indexed folded words.
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

    /**
     * @param visibleProjects the projects of the caller's cities
     * @param cityProjects    the projects of {@link #city}, or null when no city is asked for
     */
    public Query toQuery(Collection<String> visibleProjects, Collection<String> cityProjects) {
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(Criteria.where("projectIds").in(visibleProjects));
        conditions.add(Criteria.where("mergedInto").is(null));
        for (String word : SearchWords.words(q)) {
            conditions.add(Criteria.where("searchTokens").regex("^" + Pattern.quote(word)));
        }
        for (String word : SearchWords.words(organisation)) {
            conditions.add(Criteria.where("organisationTokens").regex("^" + Pattern.quote(word)));
        }
        if (present(organisationId)) {
            conditions.add(Criteria.where("organisationId").is(organisationId));
        }
        if (present(email)) {
            String address = Contact.normalise(email);
            conditions.add(new Criteria().orOperator(Criteria.where("email").is(address), Criteria.where("otherEmails").is(address)));
        }
        if (present(role)) {
            conditions.add(Criteria.where("roles.role").is(ContactWordEntries.roleTerm(role)));
        }
        if (present(projectId)) {
            conditions.add(Criteria.where("projectIds").is(projectId));
        }
        if (cityProjects != null) {
            conditions.add(Criteria.where("projectIds").in(cityProjects));
        }
        return new Query(new Criteria().andOperator(conditions));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
