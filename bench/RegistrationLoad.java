import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N registration requests from C concurrent clients for an event of P places, through the gateway, then
 * checks that exactly min(N, P) are confirmed and the rest waitlisted, none lost or duplicated, and times how
 * long projects-service and contacts-service take to show the result. No dependencies: JDK only.
 *   java bench/RegistrationLoad.java <token> [requests] [clients] [places]
 */
public class RegistrationLoad {

    static final String GATEWAY = "http://localhost:8080";
    /** How often the people list's count is asked for while waiting for contacts-service (see the loop). */
    static final long CONTACTS_EVERY = 2_000_000_000L;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String token = args[0];
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int places = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        String project = "kasvun-ekosysteemit";
        // fewer requests than places (a run for the answer time of an idle stack) confirm every one of them
        int confirming = Math.min(requests, places);
        long participantsBefore = number(get("/api/projects/" + project, token), "participantsReached");
        long contactsBefore = number(get("/api/contacts?size=1", token), "totalItems");
        Map<Double, Double> projectsBuckets = buckets("http://localhost:8081", PROPAGATION, "participants-reached");
        Map<Double, Double> contactsBuckets = buckets("http://localhost:8082", PROPAGATION, "participation-history");
        Map<Double, Double> projectsDelivery = buckets("http://localhost:8081", DELIVERY, "participants-reached");
        Map<Double, Double> contactsDelivery = buckets("http://localhost:8082", DELIVERY, "participation-history");
        Map<Double, Double> mailBuckets = buckets("http://localhost:8083", PROPAGATION, "registration-mail");
        Map<Double, Double> mailDelivery = buckets("http://localhost:8083", DELIVERY, "registration-mail");

        String event = string(send("POST", "/api/events", token, """
                {"projectId": "%s", "type": "WEBINAR", "title": {"fi": "Kuormatesti", "en": "Load test"}, "capacity": %d,
                 "startsAt": "2027-06-01T08:00:00Z", "endsAt": "2027-06-01T10:00:00Z"}
                """.formatted(project, places)), "id");
        send("POST", "/api/events/" + event + "/publish", token, "");
        String run = Long.toString(System.nanoTime(), 36);

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long[] latencyBySent = new long[requests];
        long[] answeredAt = new long[requests];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> work = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                int status;
                try {
                    status = send("POST", "/api/events/" + event + "/registrations", token,
                            "{\"email\": \"load." + run + "." + n + "@example.org\", \"firstName\": \"Kuorma\", \"lastName\": \"Testi" + n + "\"}")
                            .statusCode();
                } catch (Exception e) {
                    status = -1;
                }
                long t1 = System.nanoTime();
                latencies.add(t1 - t0);
                latencyBySent[n] = t1 - t0;
                answeredAt[n] = t1;
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        long loadEnded = System.nanoTime();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d registration requests, %d concurrent clients, %d places, through the gateway%n", requests, clients, places);
        System.out.printf("  %.0f registrations/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; HTTP statuses %s%n",
                requests / (elapsed / 1e9), sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, statuses);
        // whether the slowest answers are those of the burst's first seconds (a fresh stack's code not compiled yet)
        // or are spread over it (a queue that is not served in order)
        int first = requests / 5;
        long[] early = Arrays.copyOfRange(latencyBySent, 0, first);
        long[] late = Arrays.copyOfRange(latencyBySent, first, requests);
        Arrays.sort(early);
        Arrays.sort(late);
        if (first > 0 && late.length > 0) {
            System.out.printf("  answer times by when sent: the first %d p50 %.1f ms, p99 %.1f ms; the other %d p50 %.1f ms, p99 %.1f ms%n",
                    first, early[first / 2] / 1e6, early[(int) (first * 0.99)] / 1e6, late.length, late[late.length / 2] / 1e6,
                    late[(int) (late.length * 0.99)] / 1e6);
        }
        int[] perTenSeconds = new int[(int) (elapsed / 10_000_000_000L) + 1];
        for (long at : answeredAt) {
            perTenSeconds[(int) Math.min(perTenSeconds.length - 1, Math.max(0, (at - started) / 10_000_000_000L))]++;
        }
        System.out.printf("  answered (or given up) in each 10 s of the burst: %s%n", Arrays.toString(perTenSeconds));

        long confirmed = 0;
        long waitlisted = 0;
        long total = 0;
        for (int page = 0; ; page++) {
            String body = get("/api/events/" + event + "/registrations?size=500&page=" + page, token);
            confirmed += count(body, "\"status\":\"CONFIRMED\"");
            waitlisted += count(body, "\"status\":\"WAITLISTED\"");
            if (page + 1 >= number(body, "totalPages")) {
                total = number(body, "totalItems");
                break;
            }
        }
        long counter = number(get("/api/events/" + event, token), "confirmedCount");
        System.out.printf("  stored: %d registrations, %d confirmed (event counter %d), %d waitlisted — %s%n", total, confirmed,
                counter, waitlisted, total == requests && confirmed == confirming && counter == confirming
                        && waitlisted == requests - confirming
                        ? "exactly right" : "WRONG");

        long projectsAt = -1;
        long contactsAt = -1;
        long contactsAsked = System.nanoTime() - CONTACTS_EVERY;
        while ((projectsAt < 0 || contactsAt < 0) && System.nanoTime() - loadEnded < 300_000_000_000L) {
            if (projectsAt < 0 && numberOrNone(get("/api/projects/" + project, token), "participantsReached") >= participantsBefore + confirming) {
                projectsAt = System.nanoTime();
            }
            // every 2 s, not 200 ms: the count of the people list reads the word index of everyone the user sees, and
            // asked five times a second it took more of contacts-service's CPU than the consumer it waits for
            if (contactsAt < 0 && System.nanoTime() - contactsAsked >= CONTACTS_EVERY) {
                contactsAsked = System.nanoTime();
                if (numberOrNone(get("/api/contacts?size=1", token), "totalItems") >= contactsBefore + requests) {
                    contactsAt = System.nanoTime();
                }
            }
            Thread.sleep(200);
        }
        System.out.printf("  after the last response: projects showed +%d participants %s, contacts showed +%d people %s%n",
                confirming, after(projectsAt, loadEnded), requests, after(contactsAt, loadEnded));
        // per event of this run: from its creation in the events-service outbox to the end of its handling in the consumer
        propagation("projects", "http://localhost:8081", "participants-reached", projectsBuckets, projectsDelivery);
        propagation("contacts", "http://localhost:8082", "participation-history", contactsBuckets, contactsDelivery);
        // the confirmation mail each registration sends (events-service's own consumer): waited for too, so that a
        // run after this one does not pay for this one's mail
        propagation("the confirmation mail", "http://localhost:8083", "registration-mail", mailBuckets, mailDelivery);
    }

    /** From an event's creation in the outbox, and from Kafka's taking it, to the end of its handling (Inbox). */
    static final String PROPAGATION = "ecosystem_inbox_propagation_seconds";
    static final String DELIVERY = "ecosystem_inbox_delivery_seconds";

    /**
     * The consumer's own histogram of Kafka propagation, read straight from its Prometheus endpoint once its count has
     * stopped growing, less the buckets read before the run: so only this run's events count, also on a stack that
     * handled others before. A percentile is the upper bound of the bucket it falls in (Micrometer's buckets, a tenth
     * to a third apart above 1 s).
     */
    static void propagation(String service, String base, String handler, Map<Double, Double> before,
            Map<Double, Double> deliveryBefore) throws Exception {
        Map<Double, Double> after = buckets(base, PROPAGATION, handler);
        for (int still = 0, waited = 0; still < 3 && waited < 300; waited++) {
            Thread.sleep(1000);
            Map<Double, Double> again = buckets(base, PROPAGATION, handler);
            still = again.equals(after) ? still + 1 : 0;
            after = again;
        }
        System.out.println(percentiles("  propagation to " + service + " (" + handler + "):", before, after));
        // the same events from Kafka's timestamp: what is left of the above once the outbox relay had sent them
        System.out.println(percentiles("    of it after Kafka took them (" + handler + "):", deliveryBefore,
                buckets(base, DELIVERY, handler)));
    }

    static String percentiles(String line, Map<Double, Double> before, Map<Double, Double> after) {
        StringBuilder text = new StringBuilder(line);
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return text + " no event of this run in its histogram (a failure, not a time)";
        }
        for (double quantile : new double[] {0.5, 0.99}) {
            text.append(quantile == 0.5 ? " p50 " : " p99 ");
            for (Map.Entry<Double, Double> bucket : after.entrySet()) {
                if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= quantile * total) {
                    text.append(bucket.getKey().isInfinite() ? "over the last bucket" : String.format("%.2f s", bucket.getKey()));
                    break;
                }
            }
        }
        return text + String.format(" over %d events of this run (upper bounds of histogram buckets)", (long) total);
    }

    /** le → cumulative count of a handler's histogram; empty while the handler has handled nothing. */
    static Map<Double, Double> buckets(String base, String histogram, String handler) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(base + "/actuator/prometheus answered " + answer.statusCode());
        }
        Map<Double, Double> found = new TreeMap<>();
        Matcher bucket = Pattern.compile(histogram + "_bucket\\{([^}]*)\\} ([0-9.eE+-]+)").matcher(answer.body());
        while (bucket.find()) {
            Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(bucket.group(1));
            if (bucket.group(1).contains("handler=\"" + handler + "\"") && le.find()) {
                found.merge(le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1)),
                        Double.parseDouble(bucket.group(2)), Double::sum);
            }
        }
        return found;
    }

    static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + fresh(token)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + fresh(token)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String current;
    static long fetchedAt;

    /**
     * The integrator's token, fetched anew each minute from Keycloak (client credentials of helsinki-bi): a slow run
     * outlives one token (5 minutes), and the checks after the load were refused with 401. If Keycloak does not
     * answer, the last token is kept (and a refusal shows as a failed read).
     */
    static synchronized String fresh(String given) {
        if (current == null) {
            current = given;
            fetchedAt = System.nanoTime();
        }
        if (System.nanoTime() - fetchedAt > 60_000_000_000L) {
            fetchedAt = System.nanoTime();
            try {
                String answer = HTTP.send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:8180/realms/ecosystem/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=helsinki-bi"
                                + "&client_secret=helsinki-bi-local-secret")).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
                if (token.find()) {
                    current = token.group(1);
                }
            } catch (Exception keycloakDown) {
                // keep the last token
            }
        }
        return current;
    }

    /** A number field of an answer; an answer without it is a failed read, never a number. */
    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + (json.length() > 300 ? json.substring(0, 300) + "…" : json));
        }
        return Long.parseLong(m.group(1));
    }

    /** The same, for polling: a failed read counts as "not yet". */
    static long numberOrNone(String json, String field) {
        try {
            return number(json, field);
        } catch (IllegalStateException notYet) {
            return Long.MIN_VALUE;
        }
    }

    static String after(long at, long since) {
        return at < 0 ? "not within 300 s (a failure, not a time)" : String.format("in %.1f s", (at - since) / 1e9);
    }

    static String string(HttpResponse<String> response, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
