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
 * Our own check (the embedded store has no explain and ignores secondary indexes) that each query of people other
 * than the word index (read by {@code _id} ranges) can use an index on MongoDB: duplicate candidates and lookups by
 * an address start from the caller's scopes ({@code links}) or the address, retention from the last activity. No
 * index combines two arrays (MongoDB refuses compound indexes over parallel arrays).
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
    void eachFieldAQueryStartsFromHasAnIndex() {
        List<Document> indexes = declaredIndexes();
        for (String field : List.of("links", "email", "otherEmails", "entries.email", "entries.phone", "nameKeys",
                "mergedInto", "organisationId", "roles.role", "lastActivityAt")) {
            assertThat(indexes).as("an index on " + field)
                    .anySatisfy(keys -> assertThat(keys.keySet().iterator().next()).isEqualTo(field));
        }
        for (Document keys : indexes) {
            long arrays = keys.keySet().stream().filter(List.of("projectIds", "links", "searchTokens", "organisationTokens",
                    "otherEmails", "roles.role", "nameKeys", "entries.email", "entries.phone")::contains).count();
            assertThat(arrays).as("parallel arrays in " + keys).isLessThanOrEqualTo(1);
        }
    }
}
