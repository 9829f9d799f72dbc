package fi.ecosystem.events.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator's endpoint for tests (the JDK's HTTP server): verifies each delivery with Standard Webhooks' own
 * library (the signature with the endpoint's secret, the timestamp within five minutes), answers
 * 503 while it is down, and keeps what it accepted per path in arrival order.
 */
public final class Receiver implements AutoCloseable {

    /** One accepted delivery: its headers' id and the envelope. */
    public record Received(String webhookId, Map<String, Object> envelope) {

        public String type() {
            return (String) envelope.get("type");
        }

        public String subject() {
            return (String) envelope.get("subject");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) envelope.get("data");
        }
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final AtomicInteger refusedWhileDown = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private volatile boolean down;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    public void secret(String path, String secret) {
        secrets.put("/" + path, secret);
    }

    public void down(boolean down) {
        this.down = down;
    }

    public int refusedWhileDown() {
        return refusedWhileDown.get();
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    public List<Received> at(String path) {
        List<Received> list = received.getOrDefault("/" + path, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (down) {
                refusedWhileDown.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String secret = secrets.get(path);
            if (secret == null || !valid(secret, body, exchange)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> envelope = json.readValue(body, Map.class);
            received.computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>())).add(new Received(id, envelope));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Standard Webhooks' own verification (signature and a timestamp within five minutes), as a receiver would run it. */
    private static boolean valid(String secret, String body, HttpExchange exchange) {
        try {
            new Webhook(secret).verify(body, HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true));
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
