package fi.ecosystem.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Our own check (the embedded store has no explain) that every list query can use an index: each starts
 * with the access rule on {@code participatingCities}, which leads a declared index, and the sort fields
 * follow it in a compound index.
 */
class ProjectIndexTest {

    static final List<ProjectFilter> FILTERS = List.of(
            ProjectFilter.NONE,
            new ProjectFilter(Set.of(ProjectStatus.ACTIVE), null, null, null, null, null, null),
            new ProjectFilter(null, "kerava", null, null, null, null, null),
            new ProjectFilter(null, null, Theme.LOGISTICS, null, null, null, null),
            new ProjectFilter(null, null, null, "Uudenmaan liitto", null, null, null),
            new ProjectFilter(null, null, null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), null),
            new ProjectFilter(Set.of(ProjectStatus.ENDED), "espoo", Theme.SMART_CITIZEN, "EAKR", LocalDate.of(2019, 1, 1), null, "kasvun eko"));

    static List<Document> declaredIndexes() {
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setAutoIndexCreation(true);
        mapping.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        mapping.getPersistentEntity(Project.class);
        List<Document> keys = new ArrayList<>();
        for (IndexDefinition index : new MongoPersistentEntityIndexResolver(mapping).resolveIndexFor(Project.class)) {
            keys.add(index.getIndexKeys());
        }
        return keys;
    }

    @Test
    void everyListQueryStartsWithAnIndexedField() {
        List<Document> indexes = declaredIndexes();

        for (ProjectFilter filter : FILTERS) {
            Document query = filter.toQuery(Set.of("helsinki", "espoo")).getQueryObject();
            List<?> conditions = (List<?>) query.get("$and");
            Document first = (Document) conditions.get(0);
            String leadingField = first.keySet().iterator().next();
            assertThat(leadingField).isEqualTo("participatingCities");
            assertThat(indexes).as("an index leads with " + leadingField + " for " + filter)
                    .anySatisfy(keys -> assertThat(keys.keySet().iterator().next()).isEqualTo(leadingField));
        }
    }

    @Test
    void theSortsOfTheListFollowTheAccessRuleInACompoundIndex() {
        List<Document> indexes = declaredIndexes();

        for (String sortField : List.of("name.fi", "status", "startDate")) {
            assertThat(indexes).as("compound index for sorting by " + sortField)
                    .anySatisfy(keys -> assertThat(new ArrayList<>(keys.keySet())).containsExactly("participatingCities", sortField, "_id"));
        }
        assertThat(indexes).anySatisfy(keys -> assertThat(keys.keySet()).containsExactly("searchTokens"));
        assertThat(indexes).anySatisfy(keys -> assertThat(keys.keySet()).containsExactly("themes"));
    }

    /**
     * What this proves, and what not. The embedded store cannot explain a query, so this reads the shape of the
     * queries the service sends — {@link ProjectFilter#toQuery} with the list's sort as {@code ProjectController}
     * builds it (the field, then {@code _id} the same way to keep pages stable) — and checks it against the declared indexes:
     * the first condition is on an index's leading key and the sort continues that index's keys in one direction,
     * so a MongoDB planner can find the caller's projects and return them in order from that one index, without a
     * blocking in-memory sort. It does not prove that MongoDB's planner chooses that index (only {@code explain} on
     * a real MongoDB shows that), nor what the further conditions cost (they are checked on the entries read).
     */
    @Test
    void everyListQueryAndItsSortCanBeAnsweredFromOneDeclaredIndex() {
        List<Document> indexes = declaredIndexes();

        for (ProjectFilter filter : FILTERS) {
            for (String sortField : List.of("name.fi", "status", "startDate")) {
                for (Sort.Direction direction : Sort.Direction.values()) {
                    Query query = filter.toQuery(Set.of("helsinki", "espoo"))
                            .with(Sort.by(direction, sortField).and(Sort.by(direction, "_id")));
                    String leadingField = ((Document) ((List<?>) query.getQueryObject().get("$and")).get(0)).keySet().iterator().next();
                    List<String> sort = new ArrayList<>(query.getSortObject().keySet());

                    assertThat(indexes).as(filter + " sorted by " + query.getSortObject())
                            .anySatisfy(keys -> assertThat(servesInOrder(keys, leadingField, query.getSortObject())).isTrue());
                    assertThat(sort).startsWith(sortField);
                }
            }
        }
    }

    /** Whether an index leads with the query's first condition and continues with its sort, all one way or all the other. */
    static boolean servesInOrder(Document keys, String leadingField, Document sort) {
        List<String> fields = new ArrayList<>(keys.keySet());
        if (!fields.get(0).equals(leadingField) || !fields.subList(1, fields.size()).equals(new ArrayList<>(sort.keySet()))) {
            return false;
        }
        int forward = 0;
        for (String field : sort.keySet()) {
            boolean same = ((Number) keys.get(field)).intValue() == ((Number) sort.get(field)).intValue();
            forward += same ? 1 : 0;
        }
        return forward == 0 || forward == sort.size();
    }
}
