package fi.ecosystem.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service closes a keep-alive connection that has been idle for its keep-alive time (Tomcat: 60 s). Should the
 * gateway send a request on it at that moment, the request meets a closed connection, and a POST is not tried
 * again: 503 for a registration the service never saw (seen twice in `bench/all.sh`, at the start of the second
 * burst). The gateway therefore drops a pooled connection that has been idle for its `pool.max-idle-time` (15 s,
 * here 1 s), well before any service would close it. The stand-in service below drops every request that comes on
 * a connection idle for longer than 2 s, as a service closing it at that moment would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time=1s")
@AutoConfigureWebTestClient
class IdleConnectionsTest {

    static final long SERVICE_KEEP_ALIVE_MILLIS = 2_000;
    static final AtomicInteger answered = new AtomicInteger();
    static final AtomicInteger dropped = new AtomicInteger();
    static final ServerSocket events = startEvents();

    static ServerSocket startEvents() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket connection = server.accept();
                        Thread serving = new Thread(() -> serve(connection));
                        serving.setDaemon(true);
                        serving.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HTTP/1.1 with keep-alive; a request on a connection idle for longer than the keep-alive gets no answer. */
    static void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream()) {
            long lastAnswer = System.nanoTime();
            while (true) {
                int contentLength = readHead(in);
                if (contentLength < 0) {
                    return; // the gateway closed it
                }
                in.readNBytes(contentLength);
                if (System.nanoTime() - lastAnswer > SERVICE_KEEP_ALIVE_MILLIS * 1_000_000) {
                    dropped.incrementAndGet();
                    return;
                }
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                answered.incrementAndGet();
                lastAnswer = System.nanoTime();
            }
        } catch (IOException e) {
            // the connection went away
        }
    }

    /** Reads a request's head; returns its Content-Length (0 without one), or -1 at the end of the stream. */
    static int readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int contentLength = 0;
        boolean any = false;
        int c;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                String header = line.toString().trim();
                if (header.isEmpty()) {
                    return contentLength;
                }
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return any ? contentLength : -1;
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        fi.ecosystem.platform.testing.EmbeddedStore.register(registry, "gateway-idle-connections-test");
        String down = "http://127.0.0.1:" + GatewayResilienceTest.deadPort();
        registry.add("EVENTS_SERVICE_URL", () -> "http://127.0.0.1:" + events.getLocalPort());
        registry.add("PROJECTS_SERVICE_URL", () -> down);
        registry.add("CONTACTS_SERVICE_URL", () -> down);
        registry.add("WEB_URL", () -> down);
    }

    @AfterAll
    static void stop() throws IOException {
        events.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void aPostAfterAQuietSpellGoesOnAFreshConnectionNotOnOneTheServiceIsClosing() throws InterruptedException {
        client = client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
        client.post().uri("/public/events/abc/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();

        Thread.sleep(SERVICE_KEEP_ALIVE_MILLIS + 500);

        client.post().uri("/public/events/abc/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(answered.get()).isEqualTo(2);
        assertThat(dropped.get()).as("requests sent on a connection idle beyond the service's keep-alive").isZero();
    }
}
