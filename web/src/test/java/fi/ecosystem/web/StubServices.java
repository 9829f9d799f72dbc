package fi.ecosystem.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The three services' APIs as canned answers, on one local port: a test says what {@code METHOD /path}
 * answers and reads what the page sent (method, path with query, body, the relayed Authorization).
 * Unknown paths answer 404 like a Spring service that has no such endpoint.
 */
public final class StubServices {

    public record Request(String method, String path, String body, String authorization, String contentType,
            String forwardedFor) {
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StubServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), query == null ? path : path + "?" + query, body,
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            Answer answer = answers.get(exchange.getRequestMethod() + " " + path);
            if (answer == null) {
                answer = new Answer(404, "application/problem+json",
                        "{\"type\":\"about:blank\",\"status\":404,\"detail\":\"No static resource\"}".getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
            exchange.close();
        });
        server.start();
    }

    public StubServices answer(String methodAndPath, int status, String json) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        answers.put(methodAndPath, new Answer(status, type, json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public StubServices answer(String methodAndPath, String contentType, byte[] body) {
        answers.put(methodAndPath, new Answer(200, contentType, body));
        return this;
    }

    public void reset() {
        answers.clear();
        requests.clear();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request last(String method, String pathStart) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            Request request = requests.get(i);
            if (request.method().equals(method) && request.path().startsWith(pathStart)) {
                return request;
            }
        }
        return null;
    }

    public void register(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("PROJECTS_SERVICE_URL", () -> url);
        registry.add("EVENTS_SERVICE_URL", () -> url);
        registry.add("CONTACTS_SERVICE_URL", () -> url);
    }
}
