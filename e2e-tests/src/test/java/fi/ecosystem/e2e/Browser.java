package fi.ecosystem.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does in the authorization-code flow, over plain HTTP: follows redirects itself, keeps
 * cookies, fills in Keycloak's login forms (username page, then password page — also on a city's own
 * identity provider). The UI tests with a real Chromium come with the web UI.
 */
public final class Browser {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final CookieJar cookies = new CookieJar();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** Signs in through the gateway, choosing the city on the sign-in page; returns the page the gateway lands on. */
    public HttpResponse<String> signIn(String city, String username, String password) throws Exception {
        HttpResponse<String> response = follow(get(Stack.GATEWAY + "/oauth2/authorization/keycloak?city=" + city));
        for (int step = 0; step < 4 && response.uri().getPort() != 8080; step++) {
            String html = response.body();
            Matcher form = FORM.matcher(html);
            boolean found = false;
            while (!found && form.find()) {
                found = form.group(2).contains("name=\"username\"") || form.group(2).contains("name=\"password\"");
            }
            if (!found) {
                throw new IllegalStateException("No login form at " + response.uri() + ":\n" + html);
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
            response = follow(post(response.uri().resolve(unescape(form.group(1))).toString(), fields));
        }
        if (response.uri().getPort() != 8080) {
            throw new IllegalStateException("Sign-in did not come back to the gateway: " + response.uri() + "\n" + response.body());
        }
        return response;
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String url, String json, boolean withCsrfToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfToken) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request with the session and its CSRF token, as the UI's scripts send them. */
    public HttpResponse<String> send(String method, String url, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with any body and content type (a CSV upload), with the session and its CSRF token. */
    public HttpResponse<String> send(String method, String url, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public String cookie(String name) {
        return cookies.value(name);
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows redirects as a browser would, across Keycloak, the city's identity provider and the gateway. */
    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; hops < 15 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = get(response.uri().resolve(location).toString());
        }
        return response;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=").replace("&quot;", "\"");
    }
}
