package fi.ecosystem.projects.project;

import fi.ecosystem.platform.search.SearchWords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A search of projects. Every query starts with the access rule — the caller's cities — so it always has
 * the indexed {@code participatingCities} to narrow by; the other conditions refine that.
 *
 * @param from projects running at some time on or after this day
 * @param to   projects running at some time on or before this day
 * @param text words that must each begin a word of the name or acronym
 */
public record ProjectFilter(Set<ProjectStatus> statuses, String city, Theme theme, String funder, LocalDate from,
        LocalDate to, String text) {

    public static final ProjectFilter NONE = new ProjectFilter(null, null, null, null, null, null, null);

    public Query toQuery(Set<String> callerCities) {
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(Criteria.where("participatingCities").in(callerCities));
        if (city != null && !city.isBlank()) {
            conditions.add(Criteria.where("participatingCities").is(city));
        }
        if (statuses != null && !statuses.isEmpty()) {
            conditions.add(Criteria.where("status").in(statuses.stream().map(Enum::name).toList()));
        }
        if (theme != null) {
            conditions.add(Criteria.where("themes").is(theme.name()));
        }
        if (funder != null && !funder.isBlank()) {
            conditions.add(Criteria.where("funding.funder").regex("^" + Pattern.quote(funder.trim()) + "$", "i"));
        }
        if (from != null) {
            conditions.add(new Criteria().orOperator(Criteria.where("endDate").gte(from), Criteria.where("endDate").is(null)));
        }
        if (to != null) {
            conditions.add(new Criteria().orOperator(Criteria.where("startDate").lte(to), Criteria.where("startDate").is(null)));
        }
        if (text != null) {
            for (String word : SearchWords.words(text)) {
                conditions.add(Criteria.where("searchTokens").regex("^" + Pattern.quote(word)));
            }
        }
        return new Query(new Criteria().andOperator(conditions));
    }
}
