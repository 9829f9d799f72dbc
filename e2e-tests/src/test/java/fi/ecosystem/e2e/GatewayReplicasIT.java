package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A second gateway replica beside the stack's own: a browser session made on one replica works on the
 * other, and the public rate limit counts the requests of both together.
 */
// alone, not beside other classes (junit-platform.properties): it starts a second gateway, and the rate limit counts both
@Isolated
@ExtendWith(Stack.class)
class GatewayReplicasIT {

    static final int PUBLIC_LIMIT = 120; // the gateway's default for reads, per 10 s window
    static Replica secondGateway;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        secondGateway = Replica.start("gateway", 8090, Map.of(
                "MONGODB_URI", Stack.MONGODB + "/gateway",
                "KEYCLOAK_URL", Stack.KEYCLOAK));
    }

    @AfterAll
    static void stopSecondReplica() throws Exception {
        if (secondGateway != null) {
            secondGateway.close();
        }
    }

    @Test
    void aSessionMadeOnOneReplicaWorksOnTheOther() throws Exception {
        Browser browser = new Browser();
        browser.signIn("helsinki", "aino.virtanen", "demo"); // through the stack's gateway

        HttpResponse<String> projects = browser.get(secondGateway.url + "/api/projects?size=100");

        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(LoginPerCityIT.projectIds(projects.body())).contains("kasvun-ekosysteemit");
    }

    @Test
    void thePublicRateLimitCountsBothReplicasTogether() throws Exception {
        try (MongoClient mongo = MongoClients.create(Stack.MONGODB)) {
            MongoCollection<Document> counters = mongo.getDatabase("gateway").getCollection("rate_limits");
            Map<String, Long> before = readCounters(counters);
            int limit = 0;
            Map<String, Integer> passed = new HashMap<>();
            Map<String, Integer> refused = new HashMap<>();
            int sent = 0;
            // alternately through both replicas until each has refused once: the limit is reached, by the two together
            while (refused.getOrDefault(Stack.GATEWAY, 0) == 0 || refused.getOrDefault(secondGateway.url, 0) == 0) {
                assertThat(sent).as("refused within three windows' worth of requests").isLessThan(3 * PUBLIC_LIMIT);
                String replica = sent % 2 == 0 ? Stack.GATEWAY : secondGateway.url;
                HttpResponse<String> response = Api.get(replica + "/public/events", null);
                sent++;
                var header = response.headers().firstValue("X-RateLimit-Limit");
                if (header.isPresent()) {
                    limit = Integer.parseInt(header.get());
                }
                if (response.statusCode() == 200) {
                    passed.merge(replica, 1, Integer::sum);
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    refused.merge(replica, 1, Integer::sum);
                }
            }
            Map<String, Long> after = readCounters(counters);

            // the shared counters of the windows the burst fell into, read from the store: every request of both
            // replicas was counted there, and in each window the first `limit` passed and the rest were refused
            long counted = 0;
            long allowed = 0;
            for (Map.Entry<String, Long> window : after.entrySet()) {
                long earlier = before.getOrDefault(window.getKey(), 0L);
                counted += window.getValue() - earlier;
                allowed += Math.min(window.getValue(), limit) - Math.min(earlier, limit);
            }
            int passedBoth = passed.values().stream().mapToInt(Integer::intValue).sum();
            int refusedBoth = refused.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(limit).isEqualTo(PUBLIC_LIMIT);
            assertThat(passed).as("both replicas served").containsKeys(Stack.GATEWAY, secondGateway.url);
            assertThat(counted).as("every request of both replicas in the shared counters").isEqualTo(sent);
            assertThat(passedBoth).isEqualTo(allowed);
            assertThat(refusedBoth).isEqualTo(sent - allowed);
            assertThat(passedBoth).as("one limit for the two, not one each").isLessThan(sent);
        }
    }

    /** The public read counters, by client and window (this test is the only public client while it runs). */
    static Map<String, Long> readCounters(MongoCollection<Document> counters) {
        Map<String, Long> byWindow = new HashMap<>();
        for (Document counter : counters.find()) {
            String id = counter.getString("_id");
            if (!id.startsWith("write|")) {
                byWindow.put(id, ((Number) counter.get("count")).longValue());
            }
        }
        return byWindow;
    }
}
