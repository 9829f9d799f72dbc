package fi.ecosystem.projects.project;

import fi.ecosystem.platform.testing.EmbeddedStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/** The projects service against the embedded store and an embedded KRaft broker; one context for all API tests. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
abstract class ProjectsApiTestBase {

    static final String PLAN = """
            {"acronym": "KASVU", "name": {"fi": "Kasvun ekosysteemit", "en": "Growth Ecosystems"},
             "startDate": "2018-08-01", "endDate": "2021-06-30",
             "leadCity": "helsinki", "participatingCities": ["helsinki", "espoo"]}
            """;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        EmbeddedStore.register(registry, "projects-api-test");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker kafka;
    /** Watched, so that a test can tell how often a consumer really ran, not only what the model kept. */
    @MockitoSpyBean
    ProjectService projects;
    @MockitoSpyBean
    ProjectCounts counts;
}
