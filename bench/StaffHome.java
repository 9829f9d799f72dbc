import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in through the gateway as a browser would (authorization code at Keycloak, the gateway's session
 * cookie), then loads a staff page one request after the other and prints the median and the slowest.
 *   java bench/StaffHome.java [requests] [path] [city] [username]
 */
public class StaffHome {

    static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");
    static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>", Pattern.DOTALL);
    static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    /** Keeps every cookie by name, as a browser does on localhost (the JDK's CookieManager refuses "localhost"). */
    static final class Jar extends CookieHandler {
        final Map<String, HttpCookie> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            String header = cookies.values().stream().filter(c -> !c.hasExpired()).map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.forEach(value -> HttpCookie.parse(value).forEach(c -> {
                        if (c.getMaxAge() == 0) {
                            cookies.remove(c.getName());
                        } else {
                            cookies.put(c.getName(), c);
                        }
                    }));
                }
            });
        }
    }

    static final Jar JAR = new Jar();
    static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(JAR)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String path = args.length > 1 ? args[1] : "/app";
        String city = args.length > 2 ? args[2] : "helsinki";
        String username = args.length > 3 ? args[3] : "aino.virtanen";
        signIn(city, username, "demo");
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < requests + 2; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = get(GATEWAY + path);
            double took = (System.nanoTime() - start) / 1e6;
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + page.statusCode());
            }
            if (i >= 2) { // the first two warm the JIT and the connections
                millis.add(took);
            }
        }
        Collections.sort(millis);
        System.out.printf("%s as %s: %d requests, median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms%n", path, username,
                millis.size(), millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.9) - 1),
                millis.get(0), millis.get(millis.size() - 1));
    }

    static void signIn(String city, String username, String password) throws Exception {
        HttpResponse<String> response = follow(get(GATEWAY + "/oauth2/authorization/keycloak?city=" + city));
        for (int step = 0; step < 4 && !response.uri().toString().startsWith(GATEWAY); step++) {
            Matcher form = FORM.matcher(response.body());
            boolean found = false;
            while (!found && form.find()) {
                found = form.group(2).contains("name=\"username\"") || form.group(2).contains("name=\"password\"");
            }
            if (!found) {
                throw new IllegalStateException("No login form at " + response.uri());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form.group(2));
            while (hidden.find()) {
                Matcher name = NAME.matcher(hidden.group());
                Matcher value = VALUE.matcher(hidden.group());
                if (name.find()) {
                    fields.put(name.group(1), value.find() ? unescape(value.group(1)) : "");
                }
            }
            if (form.group(2).contains("name=\"username\"")) {
                fields.put("username", username);
            }
            if (form.group(2).contains("name=\"password\"")) {
                fields.put("password", password);
            }
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            response = follow(HTTP.send(HttpRequest.newBuilder(response.uri().resolve(unescape(form.group(1))))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        if (!response.uri().toString().startsWith(GATEWAY)) {
            throw new IllegalStateException("Sign-in did not come back to the gateway: " + response.uri());
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
        for (int hops = 0; hops < 15 && response.statusCode() / 100 == 3; hops++) {
            response = get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString());
        }
        return response;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=").replace("&quot;", "\"");
    }
}
