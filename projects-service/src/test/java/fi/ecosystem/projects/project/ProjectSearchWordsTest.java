package fi.ecosystem.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class ProjectSearchWordsTest {

    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        client = MongoClients.create(EmbeddedStore.uri());
        mongo = new MongoTemplate(client, "project-search-words-test");
        mongo.dropCollection("projects");
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void wordsKeptByTheOldTokenizerAreBroughtToTheSharedOneAndCurrentOnesAreLeftAlone() {
        Document name = new Document("fi", "Kasvun ekosysteemit").append("sv", "Tillväxtekosystem").append("en", "Growth Ecosystems");
        mongo.insert(new Document("_id", "old").append("acronym", "HRI").append("name", name)
                .append("searchTokens", List.of("ecosystems", "ekosysteemit", "growth", "hri", "kasvun", "tillväxtekosystem")), "projects");
        mongo.insert(new Document("_id", "current").append("acronym", "KEK").append("name", new Document("fi", "Keskusta"))
                .append("searchTokens", List.of("kek", "keskusta")), "projects");

        ProjectSearchWords migration = new ProjectSearchWords(mongo);

        assertThat(migration.refresh()).isEqualTo(1);
        assertThat(mongo.findById("old", Document.class, "projects").getList("searchTokens", String.class))
                .containsExactly("ecosystems", "ekosysteemit", "growth", "hri", "kasvun", "tillvaxtekosystem");
        assertThat(mongo.findById("current", Document.class, "projects").getList("searchTokens", String.class))
                .containsExactly("kek", "keskusta");
        assertThat(migration.refresh()).isZero();
    }
}
