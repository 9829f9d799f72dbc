package fi.ecosystem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    static final String SECOND = "http://localhost:8090";
    static final int PUBLIC_LIMIT = 120; // the gateway's default per 10 s window
    static Process secondGateway;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        Path root = Path.of(System.getProperty("ecosystem.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", root.resolve("deploy/local/target/stack/gateway.jar").toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("e2e-tests/target/gateway-2.log").toFile());
        builder.environment().putAll(Map.of(
                "SERVER_PORT", "8090",
                "MONGODB_URI", Stack.MONGODB + "/gateway",
                "KEYCLOAK_URL", Stack.KEYCLOAK));
        secondGateway = builder.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(secondGateway.isAlive()).as("second gateway is running").isTrue();
            try {
                return Api.get(SECOND + "/actuator/health", null).body().contains("\"UP\"");
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopSecondReplica() throws Exception {
        if (secondGateway != null) {
            secondGateway.destroy();
            if (!secondGateway.waitFor(30, TimeUnit.SECONDS)) {
                secondGateway.destroyForcibly();
            }
        }
    }

    @Test
    void aSessionMadeOnOneReplicaWorksOnTheOther() throws Exception {
        Browser browser = new Browser();
        browser.signIn("helsinki", "aino.virtanen", "demo"); // through the stack's gateway

        HttpResponse<String> projects = browser.get(SECOND + "/api/projects?size=100");

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
            int status = Api.get((i % 2 == 0 ? Stack.GATEWAY : SECOND) + "/public/events", null).statusCode();
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
