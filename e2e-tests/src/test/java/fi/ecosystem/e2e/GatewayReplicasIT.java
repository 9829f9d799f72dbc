package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second gateway replica beside the stack's own: a browser session made on one replica works on the
 * other, and the public rate limit counts the requests of both together.
 */
@ExtendWith(Stack.class)
class GatewayReplicasIT {

    static final int PUBLIC_LIMIT = 120; // the gateway's default per 10 s window
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
        long now = System.currentTimeMillis();
        long windowEnd = now - now % 10_000 + 20_000;
        Thread.sleep(windowEnd - 10_000 - now + 50); // start at the beginning of a counting window
        int passed = 0;
        int limited = 0;
        for (int i = 0; i < 200; i++) {
            int status = Api.get((i % 2 == 0 ? Stack.GATEWAY : secondGateway.url) + "/public/events", null).statusCode();
            if (status == 200) {
                passed++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(System.currentTimeMillis()).as("the burst stayed within one window").isLessThan(windowEnd);

        assertThat(passed).isEqualTo(PUBLIC_LIMIT);
        assertThat(limited).isEqualTo(200 - PUBLIC_LIMIT);
    }
}
