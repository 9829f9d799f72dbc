package fi.ecosystem.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Our own check (the embedded store has no explain and ignores secondary indexes) that each search can use
 * an index on MongoDB: it starts with the access rule on {@code projectIds}, which leads a compound index
 * with the sort, and every filter field has an index of its own. No index combines two arrays (MongoDB
 * refuses compound indexes over parallel arrays), so the name and organisation words are single-field.
 */
class ContactIndexTest {

    static List<Document> declaredIndexes() {
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setAutoIndexCreation(true);
        mapping.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        mapping.getPersistentEntity(Contact.class);
        List<Document> keys = new ArrayList<>();
        for (IndexDefinition index : new MongoPersistentEntityIndexResolver(mapping).resolveIndexFor(Contact.class)) {
            keys.add(index.getIndexKeys());
        }
        return keys;
    }

    @Test
    void everySearchStartsWithTheAccessRuleOnAnIndexedField() {
        List<Document> indexes = declaredIndexes();
        List<ContactFilter> filters = List.of(ContactFilter.NONE,
                new ContactFilter("virt", null, null, null, null, null, null),
                new ContactFilter(null, "techvilla", null, null, null, null, null),
                new ContactFilter(null, null, "org-1", "a@example.org", "PROJECT_MANAGER", "hri", "kerava"));
        for (ContactFilter filter : filters) {
            List<?> conditions = (List<?>) filter.toQuery(List.of("hri"), filter.city() == null ? null : List.of("hri"))
                    .getQueryObject().get("$and");
            String leading = ((Document) conditions.get(0)).keySet().iterator().next();
            assertThat(leading).isEqualTo("projectIds");
            assertThat(indexes).anySatisfy(keys -> assertThat(new ArrayList<>(keys.keySet())).containsExactly("projectIds", "sortName"));
        }
    }

    @Test
    void eachFilterFieldHasAnIndex() {
        List<Document> indexes = declaredIndexes();
        for (String field : List.of("searchTokens", "organisationTokens", "organisationId", "email", "otherEmails",
                "roles.role", "phone", "nameKey", "lastActivityAt")) {
            assertThat(indexes).as("an index on " + field)
                    .anySatisfy(keys -> assertThat(keys.keySet().iterator().next()).isEqualTo(field));
        }
        for (Document keys : indexes) {
            long arrays = keys.keySet().stream().filter(List.of("projectIds", "searchTokens", "organisationTokens",
                    "otherEmails", "roles.role")::contains).count();
            assertThat(arrays).as("parallel arrays in " + keys).isLessThanOrEqualTo(1);
        }
    }
}
