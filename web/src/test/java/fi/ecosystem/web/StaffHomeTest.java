package fi.ecosystem.web;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The staff home renders what the projects service answers for the relayed token, in the chosen language. */
@SpringBootTest
@AutoConfigureMockMvc
class StaffHomeTest {

    static final AtomicReference<String> relayedAuthorization = new AtomicReference<>();
    static final HttpServer projectsService = start();

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/projects", exchange -> {
                relayedAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = """
                        {"items": [{"id": "kasvun-ekosysteemit", "name": {"fi": "Kasvun ekosysteemit", "sv": "Tillväxtekosystem"},
                                    "status": "ENDED", "startDate": "2018-08-01", "endDate": "2021-06-30",
                                    "participatingCities": ["espoo", "helsinki"]}],
                         "page": 0, "size": 50, "totalItems": 1, "totalPages": 1}
                        """.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("PROJECTS_SERVICE_URL", () -> "http://127.0.0.1:" + projectsService.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        projectsService.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theStaffHomeShowsTheUsersCityAndItsProjectsInSwedish() throws Exception {
        mvc.perform(get("/app?lang=sv").with(cityUser("helsinki", "staff", "project-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"sv\"")))
                .andExpect(content().string(containsString("Din stads projekt")))
                .andExpect(content().string(containsString("Tillväxtekosystem")))
                .andExpect(content().string(containsString("helsinki")));
        org.assertj.core.api.Assertions.assertThat(relayedAuthorization.get()).isEqualTo("Bearer token");
    }

    @Test
    void staffPagesNeedAToken() throws Exception {
        mvc.perform(get("/app")).andExpect(status().isUnauthorized());
    }

    @Test
    void theLandingPageIsPublicAndFinnishByDefault() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"fi\"")))
                .andExpect(content().string(containsString("Henkilöstön kirjautuminen")))
                .andExpect(content().string(not(containsString("??"))));
    }
}
