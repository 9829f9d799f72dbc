package fi.ecosystem.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
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
                    .anySatisfy(keys -> assertThat(new ArrayList<>(keys.keySet())).containsExactly("participatingCities", sortField));
        }
        assertThat(indexes).anySatisfy(keys -> assertThat(keys.keySet()).containsExactly("searchTokens"));
        assertThat(indexes).anySatisfy(keys -> assertThat(keys.keySet()).containsExactly("themes"));
    }
}
