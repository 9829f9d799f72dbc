package fi.ecosystem.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The stack console on the console port (8025): {@code GET /stack} status of every component, the mail viewer
 * ({@code GET /mail}, {@code GET /mail/{id}.eml}, {@code DELETE /mail}) and, with {@code --test-controls},
 * {@code POST /stack/kafka/stop}, {@code POST /stack/kafka/start} and {@code POST /stack/services/{name}/kill}.
 */
final class StackConsole {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int port;
    private final Supplier<Map<String, Object>> status;
    private final MailServer mail;
    private final Component kafka;
    private final boolean testControls;
    private final java.util.function.Function<String, Map<String, Object>> killService;
    private HttpServer server;

    StackConsole(int port, Supplier<Map<String, Object>> status, MailServer mail, Component kafka, boolean testControls,
            java.util.function.Function<String, Map<String, Object>> killService) {
        this.port = port;
        this.killService = killService;
        this.status = status;
        this.mail = mail;
        this.kafka = kafka;
        this.testControls = testControls;
    }

    void start() throws IOException {
        Ports.requireFree("stack console", port);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stack-console");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            try {
                route(ex, method, path);
            } catch (Exception e) {
                json(ex, 500, Map.of("error", String.valueOf(e)));
            }
        }
    }

    private void route(HttpExchange ex, String method, String path) throws Exception {
        if (path.equals("/") && method.equals("GET")) {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("stack", url() + "/stack");
            index.put("mail", url() + "/mail");
            json(ex, 200, index);
        } else if (path.equals("/stack") && method.equals("GET")) {
            json(ex, 200, status.get());
        } else if (path.equals("/stack/kafka/stop") || path.equals("/stack/kafka/start")) {
            if (!testControls || kafka == null) {
                json(ex, 404, Map.of("error", "test controls are off (start with --test-controls and Kafka)"));
            } else if (!method.equals("POST")) {
                json(ex, 405, Map.of("error", "use POST"));
            } else if (path.endsWith("/stop")) {
                kafka.stop();
                json(ex, 200, kafka.status());
            } else {
                if (kafka.state() != Component.State.HEALTHY) {
                    kafka.start();
                }
                json(ex, 200, kafka.status());
            }
        } else if (path.startsWith("/stack/services/") && path.endsWith("/kill")) {
            String name = path.substring("/stack/services/".length(), path.length() - "/kill".length());
            Map<String, Object> killed = testControls && method.equals("POST") ? killService.apply(name) : null;
            if (!testControls) {
                json(ex, 404, Map.of("error", "test controls are off (start with --test-controls)"));
            } else if (!method.equals("POST")) {
                json(ex, 405, Map.of("error", "use POST"));
            } else if (killed == null) {
                json(ex, 404, Map.of("error", "no service " + name));
            } else {
                json(ex, 200, killed);
            }
        } else if (path.equals("/mail") && method.equals("GET")) {
            if (!mail.isRunning()) {
                json(ex, 503, Map.of("error", "SMTP is not running"));
                return;
            }
            List<Object> list = new ArrayList<>();
            for (MailServer.Mail m : mail.mails()) {
                list.add(MailServer.toJson(m));
            }
            json(ex, 200, list);
        } else if (path.equals("/mail") && method.equals("DELETE")) {
            mail.clear();
            ex.sendResponseHeaders(204, -1);
        } else if (path.startsWith("/mail/") && method.equals("GET")) {
            String id = path.substring("/mail/".length());
            boolean eml = id.endsWith(".eml");
            if (eml) {
                id = id.substring(0, id.length() - 4);
            }
            MailServer.Mail m = mail.find(id);
            if (m == null) {
                json(ex, 404, Map.of("error", "no mail " + id));
            } else if (eml) {
                byte[] raw = MailServer.raw(m.message());
                ex.getResponseHeaders().set("Content-Type", "message/rfc822");
                ex.sendResponseHeaders(200, raw.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(raw);
                }
            } else {
                json(ex, 200, MailServer.toJson(m));
            }
        } else {
            json(ex, 404, Map.of("error", "not found: " + method + " " + path));
        }
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
