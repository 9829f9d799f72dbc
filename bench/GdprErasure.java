import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time to erase one person end to end across all services: from the POST of the erasure to the moment the
 * last service (contacts, events, projects) has anonymised them, for N people one after the other. Each
 * person first registers for an event and is a contact person of the project, so every service has
 * something to erase. Two figures per person: the services' own (request audit → last service's
 * "erased" audit entry) and the caller's (POST sent → state seen complete, polling every 100 ms).
 * The erasure is asked for as a real data-protection admin does: signed in through the gateway as the demo city admin
 * (StaffHome's sign-in: Keycloak's login form, the gateway's session, its CSRF cookie echoed in a header).
 * A step that fails ends the run with the reason; no figure is printed then. No dependencies: JDK only.
 *   javac -d DIR bench/StaffHome.java bench/GdprErasure.java; java -cp DIR GdprErasure <integrator token> [people] [city] [admin]
 */
public class GdprErasure {

    static final String GATEWAY = StaffHome.GATEWAY;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } catch (Exception | AssertionError failed) { // one clear line instead of a figure: all.py reports it as FAILED
            System.err.println("gdpr-erasure: no result, " + failed.getClass().getSimpleName() + ": "
                    + (failed.getMessage() != null ? failed.getMessage() : "at " + GATEWAY + ", " + failed.getCause()));
            System.exit(1);
        }
    }

    static void measure(String[] args) throws Exception {
        String integrator = args[0];
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        StaffHome.signIn(args.length > 2 ? args[2] : "helsinki", args.length > 3 ? args[3] : "ville.nieminen", "demo");
        if (people > 100) {
            throw new IllegalArgumentException("At most 100 people (a project has at most 100 contact persons)");
        }
        String run = Long.toString(System.nanoTime(), 36);
        StringBuilder contacts = new StringBuilder();
        for (int i = 0; i < people; i++) {
            contacts.append(i == 0 ? "" : ",").append("{\"name\": \"Penkki Henkilo").append(run).append(i)
                    .append("\", \"role\": \"BUSINESS_EXPERT\", \"email\": \"").append(email(run, i)).append("\"}");
        }
        String project = string(send("POST", "/api/projects", integrator, """
                {"acronym": "BENCH", "name": {"fi": "Poistomittaus %s"}, "startDate": "2026-01-01", "leadCity": "helsinki",
                 "participatingCities": ["helsinki"], "contacts": [%s]}
                """.formatted(run, contacts)), "id");
        String event = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (event == null) {
            HttpResponse<String> created = send("POST", "/api/events", integrator, """
                    {"projectId": "%s", "type": "WEBINAR", "title": {"fi": "Poistomittaus"}, "capacity": %d,
                     "startsAt": "2027-06-01T08:00:00Z", "endsAt": "2027-06-01T10:00:00Z"}
                    """.formatted(project, people));
            if (created.statusCode() == 201) {
                event = string(created, "id");
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("events-service did not learn of the project: " + created.body());
            } else {
                Thread.sleep(250);
            }
        }
        for (int i = 0; i < people; i++) {
            HttpResponse<String> registered = send("POST", "/api/events/" + event + "/registrations", integrator,
                    "{\"email\": \"" + email(run, i) + "\", \"firstName\": \"Penkki\", \"lastName\": \"Henkilo" + run + i + "\"}");
            if (registered.statusCode() != 201) {
                throw new IllegalStateException("Registration failed: " + registered.body());
            }
        }
        Map<String, String> contactIds = new LinkedHashMap<>();
        deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (contactIds.size() < people) {
            contactIds.clear();
            for (int page = 0; ; page++) {
                String list = get("/api/contacts?size=200&page=" + page, integrator);
                Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\"[^{}]*?\"email\":\"(bench\\." + run + "\\.\\d+@example\\.org)\"").matcher(list);
                while (m.find()) {
                    contactIds.put(m.group(2), m.group(1));
                }
                if (!list.contains("\"id\"")) {
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("contacts-service knows " + contactIds.size() + " of " + people);
            }
            Thread.sleep(500);
        }

        List<Long> serviceMillis = new ArrayList<>();
        List<Long> callerMillis = new ArrayList<>();
        for (String contactId : contactIds.values()) {
            long t0 = System.nanoTime();
            HttpResponse<String> erasure = asAdmin("POST", "/api/contacts/" + contactId + "/erasure");
            if (erasure.statusCode() != 202) {
                throw new IllegalStateException("Erasure refused: " + erasure.statusCode() + " " + erasure.body());
            }
            String state;
            while (!(state = asAdmin("GET", "/api/contacts/" + contactId + "/erasure").body()).contains("\"complete\":true")) {
                if (System.nanoTime() - t0 > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("Erasure not complete after 60 s: " + state);
                }
                Thread.sleep(100);
            }
            callerMillis.add((System.nanoTime() - t0) / 1_000_000);
            serviceMillis.add(number(state, "tookMillis"));
        }
        System.out.printf("erased %d people one after the other (each: a contact, a registration, a role among the %d contact persons of one project and its audit entry)%n", people, people);
        System.out.printf("  services (request → last service done): p50 %d ms, p95 %d ms, max %d ms%n",
                percentile(serviceMillis, 50), percentile(serviceMillis, 95), Collections.max(serviceMillis));
        System.out.printf("  caller (POST → state complete, 100 ms polls): p50 %d ms, p95 %d ms, max %d ms%n",
                percentile(callerMillis, 50), percentile(callerMillis, 95), Collections.max(callerMillis));
    }

    static String email(String run, int i) {
        return "bench." + run + "." + i + "@example.org";
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** With the admin's browser session; unsafe methods echo the session's CSRF cookie, as the web UI does. */
    static HttpResponse<String> asAdmin(String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (method.equals("POST")) {
            if (!StaffHome.JAR.cookies.containsKey("XSRF-TOKEN")) {
                StaffHome.get(GATEWAY + "/app"); // the gateway hands out the CSRF cookie with any page of the session
            }
            java.net.HttpCookie csrf = StaffHome.JAR.cookies.get("XSRF-TOKEN");
            if (csrf == null) {
                throw new IllegalStateException("The gateway gave the signed-in admin no XSRF-TOKEN cookie");
            }
            request.header("X-XSRF-TOKEN", csrf.getValue()).POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.GET();
        }
        HttpResponse<String> response = StaffHome.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " as the admin answered " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    static String get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String string(HttpResponse<String> response, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException(response.statusCode() + " without " + field + ": " + response.body());
        }
        return m.group(1);
    }
}
