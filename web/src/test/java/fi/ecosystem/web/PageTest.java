package fi.ecosystem.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Pages against the services' APIs as canned answers: one stub and one application context for all page tests. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class PageTest {

    protected static final StubServices services = new StubServices();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @Autowired
    protected MockMvc mvc;

    @BeforeEach
    void forgetEarlierAnswers() {
        services.reset();
    }
}
