package fi.ecosystem.events.webhook;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static fi.ecosystem.platform.testing.Callers.integrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.events.registration.EventsApiTestSupport;
import fi.ecosystem.platform.testing.ProjectsTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Webhooks through the API, the topics and real HTTP: a receiving server verifies every signature, is down for a
 * while and then gets every delivery in order per aggregate, a replay comes again, and an integrator of another
 * city never gets the event, and an endpoint that never answers is disabled with a mail to its contact at the SMTP
 * server. The back-off is shortened to milliseconds and the day of attempts to 10 s for the test.
 */
class WebhooksApiTest extends EventsApiTestSupport {

    static final Receiver receiver;

    static {
        try {
            receiver = new Receiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void fastRetries(DynamicPropertyRegistry registry) {
        registry.add("ecosystem.webhooks.allow-private-targets", () -> "true");
        registry.add("ecosystem.webhooks.first-retry", () -> "PT0.1S");
        registry.add("ecosystem.webhooks.longest-retry", () -> "PT0.4S");
        registry.add("ecosystem.webhooks.poll", () -> "PT0.1S");
        // a delivery's "day" is 10 s here, so that an endpoint that never answers is disabled within the test
        registry.add("ecosystem.webhooks.retry-window", () -> "PT10S");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static final RequestPostProcessor HELSINKI_BI = integrator("helsinki", "events:read", "events:write", "projects:read");

    @Test
    void aReceiverDownForAWhileGetsEverySignedDeliveryInOrderPerAggregateAndAReplayAgain() throws Exception {
        receiver.down(true);
        String endpoint = register(HELSINKI_BI, "hki-order", "event.changed", "registration.*");
        String event = draftIn("kasvun-ekosysteemit", "espoo", 10);
        publish(event, "espoo");
        var organiser = cityUser("espoo", "staff", "event-organiser");
        String registration = JsonPath.read(mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"email": "maija.webhook@example.org", "firstName": "Maija", "lastName": "Meikäläinen", "language": "fi"}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/events/" + event + "/registrations/" + registration + "/cancel").with(organiser))
                .andExpect(status().isOk());

        // while it is down, the attempts and their answers are logged and tried again
        await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.<List<Integer>>read(deliveries(endpoint), "$[*].attempts")
                .stream().anyMatch(attempts -> attempts >= 2));
        assertThat(JsonPath.<List<Integer>>read(deliveries(endpoint), "$[*].lastStatus")).contains(503);
        assertThat(receiver.at("hki-order")).isEmpty();

        receiver.down(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("hki-order").stream()
                .filter(r -> r.type().equals("registration.cancelled")).count() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.<List<String>>read(deliveries(endpoint), "$[*].status")
                .stream().allMatch("DELIVERED"::equals));

        assertThat(receiver.badSignatures()).isZero();
        assertThat(receiver.refusedWhileDown()).isPositive();
        List<Receiver.Received> got = receiver.at("hki-order");
        assertThat(got.stream().filter(r -> registration.equals(r.subject())).map(Receiver.Received::type))
                .containsExactly("registration.confirmed", "registration.cancelled");
        // each aggregate's deliveries came in the order Kafka gave them (their sequence)
        for (String aggregate : List.of(event, registration)) {
            List<String> queuedOrder = mongo.find(new Query(Criteria.where("endpointId").is(endpoint).and("aggregate").is(aggregate))
                    .with(Sort.by("sequence")), WebhookDelivery.class).stream().map(WebhookDelivery::eventId).toList();
            assertThat(queuedOrder).isNotEmpty();
            assertThat(got.stream().filter(r -> aggregate.equals(r.subject())).map(Receiver.Received::webhookId))
                    .containsExactlyElementsOf(queuedOrder);
        }
        // the envelope as on Kafka, the participant included for a client with events:write
        Receiver.Received confirmed = got.stream().filter(r -> r.type().equals("registration.confirmed")).findFirst().orElseThrow();
        assertThat(confirmed.envelope()).containsKeys("id", "type", "version", "time", "source", "subject", "cities", "data");
        assertThat(confirmed.envelope().get("id")).isEqualTo(confirmed.webhookId());
        assertThat(confirmed.data()).containsKey("participant").doesNotContainKey("sealed");
        assertThat(((Map<?, ?>) confirmed.data().get("participant")).get("email")).isEqualTo("maija.webhook@example.org");

        // a replay of one delivery sends it again, with the same id
        String deliveryId = endpoint + ":" + confirmed.webhookId();
        mvc.perform(post("/api/webhooks/" + endpoint + "/deliveries/" + deliveryId + "/replay").with(HELSINKI_BI))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("hki-order").stream()
                .filter(r -> r.webhookId().equals(confirmed.webhookId())).count() == 2);
        mvc.perform(get("/api/webhooks/" + endpoint + "/deliveries/" + deliveryId).with(HELSINKI_BI))
                .andExpect(jsonPath("$.status").value("DELIVERED")).andExpect(jsonPath("$.lastStatus").value(204));
    }

    @Test
    void anIntegratorOfAnotherCityNeverGetsTheEventAndWithoutEventsWriteNoParticipant() throws Exception {
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, "vantaan-hanke", "Vantaan hanke", List.of("vantaa"));
        receiver.down(false);
        String helsinkis = register(integrator("helsinki", "events:read"), "hki-read", "event.changed", "registration.*");
        register(integrator("vantaa", "events:read"), "vantaa", "event.changed");

        String vantaaEvent = draftIn("vantaan-hanke", "vantaa", 5);
        publish(vantaaEvent, "vantaa");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("vantaa").stream().anyMatch(r -> vantaaEvent.equals(r.subject())));

        // an event of Helsinki's project after it, on the same topic: once Helsinki has it, the other was handled before
        String sharedEvent = draftIn("kasvun-ekosysteemit", "espoo", 5);
        publish(sharedEvent, "espoo");
        mvc.perform(post("/api/events/" + sharedEvent + "/registrations").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"email": "ville.webhook@example.org", "firstName": "Ville", "lastName": "Virtanen", "language": "fi"}
                                """))
                .andExpect(status().isCreated());
        // the registration comes from the registrations topic and the event from the events topic, each in its own time
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("hki-read").stream()
                .anyMatch(r -> r.type().equals("registration.confirmed"))
                && receiver.at("hki-read").stream().anyMatch(r -> sharedEvent.equals(r.subject())));

        assertThat(receiver.at("hki-read")).noneMatch(r -> vantaaEvent.equals(r.subject()));
        assertThat(receiver.at("vantaa")).noneMatch(r -> sharedEvent.equals(r.subject()));
        assertThat(mongo.count(new Query(Criteria.where("endpointId").is(helsinkis).and("aggregate").is(vantaaEvent)),
                WebhookDelivery.class)).isZero();
        // events:read gives registrations without their people
        Receiver.Received registration = receiver.at("hki-read").stream().filter(r -> r.type().equals("registration.confirmed"))
                .findFirst().orElseThrow();
        assertThat(registration.data()).containsKey("registrationId").doesNotContainKeys("participant", "sealed");
        assertThat(receiver.badSignatures()).isZero();
    }

    @Test
    void aClientSeesOnlyItsOwnEndpointsAndBadInputIsA400WithCodes() throws Exception {
        String own = register(HELSINKI_BI, "hki-api", "event.*");
        var other = integrator("espoo", "events:read");

        mvc.perform(get("/api/webhooks").with(HELSINKI_BI)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + own + "')].url").value(receiver.url("hki-api")))
                .andExpect(jsonPath("$[*].secret").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
        mvc.perform(get("/api/webhooks").with(other)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + own + "')]").isEmpty());
        mvc.perform(get("/api/webhooks/" + own).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/webhooks/" + own + "/deliveries").with(other)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/webhooks/" + own).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/webhooks").with(cityUser("helsinki", "staff", "admin"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("integrator-needed"));
        mvc.perform(get("/api/webhooks")).andExpect(status().isUnauthorized());

        mvc.perform(post("/api/webhooks").with(integrator("uusimaa", "events:read")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"url": "not a url", "eventTypes": ["contact.changed", "invoice.paid"], "contactEmail": "nobody"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'url')].code").value("webhook-url-invalid"))
                .andExpect(jsonPath("$.errors[?(@.field == 'contactEmail')].code").value("webhook-contact-email-invalid"))
                .andExpect(jsonPath("$.errors[?(@.field == 'eventTypes[0]')].code").value("webhook-event-type-not-permitted"))
                .andExpect(jsonPath("$.errors[?(@.field == 'eventTypes[1]')].code").value("webhook-event-type-unknown"));

        mvc.perform(put("/api/webhooks/" + own).with(HELSINKI_BI).contentType(MediaType.APPLICATION_JSON).content("""
                        {"url": "%s", "eventTypes": ["registration.cancelled"], "contactEmail": "it@helsinki.example.org", "enabled": false}
                        """.formatted(receiver.url("hki-api"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.eventTypes[0]").value("registration.cancelled"))
                .andExpect(jsonPath("$.secret").doesNotExist());
        mvc.perform(post("/api/webhooks/" + own + "/replay").with(HELSINKI_BI)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("webhook-endpoint-disabled"));
        mvc.perform(delete("/api/webhooks/" + own).with(HELSINKI_BI)).andExpect(status().isNoContent());
        mvc.perform(get("/api/webhooks/" + own).with(HELSINKI_BI)).andExpect(status().isNotFound());
    }

    @Test
    void theSameRegistrationSent500TimesFromManyThreadsMakesOneEndpointAndTheClientsEndpointsAreCapped() throws Exception {
        var client = integrator("turku", "events:read");
        String same = """
                {"url": "%s", "eventTypes": ["event.changed"], "contactEmail": "it@example.org"}
                """.formatted(receiver.url("turku-script"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<MvcResult>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            calls.add(() -> mvc.perform(post("/api/webhooks").with(client).contentType(MediaType.APPLICATION_JSON).content(same))
                    .andReturn());
        }
        List<MvcResult> answers = new ArrayList<>();
        for (Future<MvcResult> call : pool.invokeAll(calls)) {
            answers.add(call.get());
        }
        pool.shutdown();

        assertThat(answers.stream().filter(a -> a.getResponse().getStatus() == 201)).hasSize(1);
        List<MvcResult> refused = answers.stream().filter(a -> a.getResponse().getStatus() == 409).toList();
        assertThat(refused).hasSize(499);
        for (MvcResult answer : refused) {
            assertThat(JsonPath.<String>read(answer.getResponse().getContentAsString(), "$.code")).isEqualTo("webhook-endpoint-exists");
        }
        assertThat(JsonPath.<List<String>>read(mvc.perform(get("/api/webhooks").with(client)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$[*].url")).containsExactly(receiver.url("turku-script"));

        // other URLs up to the cap (20 by default), and not one more
        for (int i = 1; i < 20; i++) {
            mvc.perform(post("/api/webhooks").with(client).contentType(MediaType.APPLICATION_JSON).content(same.replace("turku-script",
                    "turku-" + i))).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/webhooks").with(client).contentType(MediaType.APPLICATION_JSON).content(same.replace("turku-script",
                        "turku-21")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("webhook-endpoint-limit"));
        assertThat(JsonPath.<List<String>>read(mvc.perform(get("/api/webhooks").with(client)).andReturn().getResponse()
                .getContentAsString(), "$[*].url")).hasSize(20);
    }

    @Test
    void anEndpointThatNeverAnswersIsDisabledAndItsContactMailedThenTurnedOnItsFailedDeliveriesAreReplayed() throws Exception {
        var client = integrator("helsinki", "events:read");
        String body = mvc.perform(post("/api/webhooks").with(client).contentType(MediaType.APPLICATION_JSON).content("""
                        {"url": "http://127.0.0.1:1/nobody-listens", "eventTypes": ["event.changed"],
                         "contactEmail": "integrations.gone@helsinki.example.org"}
                        """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String endpoint = JsonPath.read(body, "$.id");
        publish(draftIn("kasvun-ekosysteemit", "espoo", 5), "espoo");

        await().atMost(Duration.ofSeconds(90)).until(() -> !JsonPath.<Boolean>read(mvc.perform(get("/api/webhooks/" + endpoint)
                .with(client)).andReturn().getResponse().getContentAsString(), "$.enabled"));

        mvc.perform(get("/api/webhooks/" + endpoint).with(client))
                .andExpect(jsonPath("$.disabledReason").value(org.hamcrest.Matchers.containsString("failed for a day")));
        mvc.perform(get("/api/webhooks/" + endpoint + "/deliveries").with(client))
                .andExpect(jsonPath("$[*].status").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("FAILED"))))
                .andExpect(jsonPath("$[*].attempts").value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.greaterThan(1))))
                .andExpect(jsonPath("$[0].lastError").isNotEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(smtp().getReceivedMessages()).anyMatch(mail -> {
            try {
                return mail.getAllRecipients()[0].toString().equals("integrations.gone@helsinki.example.org")
                        && mail.getSubject().equals("Webhook endpoint disabled: http://127.0.0.1:1/nobody-listens");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }));
        // nothing is queued while it is off, while an endpoint that is on gets the next change
        long queued = mongo.count(new Query(Criteria.where("endpointId").is(endpoint)), WebhookDelivery.class);
        receiver.down(false);
        register(client, "hki-witness", "event.changed");
        String later = draftIn("kasvun-ekosysteemit", "espoo", 5);
        publish(later, "espoo");
        // its last change (published), not only its first (made): both were fanned out while the endpoint was off
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("hki-witness").stream()
                .anyMatch(r -> later.equals(r.subject()) && "PUBLISHED".equals(r.data().get("status"))));
        assertThat(mongo.count(new Query(Criteria.where("endpointId").is(endpoint)), WebhookDelivery.class)).isEqualTo(queued);

        // turned on at a working URL, a replay of the failed ones delivers them
        String secret = JsonPath.read(body, "$.secret");
        receiver.secret("hki-back", secret);
        mvc.perform(put("/api/webhooks/" + endpoint).with(client).contentType(MediaType.APPLICATION_JSON).content("""
                        {"url": "%s", "eventTypes": ["event.changed"], "contactEmail": "integrations.gone@helsinki.example.org",
                         "enabled": true}
                        """.formatted(receiver.url("hki-back"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.disabledReason").value(org.hamcrest.Matchers.nullValue()));
        mvc.perform(post("/api/webhooks/" + endpoint + "/replay").with(client).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"FAILED\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.replayed").value((int) queued));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("hki-back").size() == queued);
    }

    /** The SMTP server of the shared test context (a field of the support class, read here without widening it). */
    private static com.icegreen.greenmail.util.GreenMail smtp() throws ReflectiveOperationException {
        var field = EventsApiTestSupport.class.getDeclaredField("smtp");
        field.setAccessible(true);
        return (com.icegreen.greenmail.util.GreenMail) field.get(null);
    }

    private String register(RequestPostProcessor client, String path, String... types) throws Exception {
        String body = mvc.perform(post("/api/webhooks").with(client).contentType(MediaType.APPLICATION_JSON).content("""
                        {"url": "%s", "eventTypes": [%s], "contactEmail": "it@example.org", "description": "test receiver"}
                        """.formatted(receiver.url(path), String.join(", ", java.util.Arrays.stream(types).map(t -> "\"" + t + "\"").toList()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(org.hamcrest.Matchers.startsWith("whsec_")))
                .andReturn().getResponse().getContentAsString();
        receiver.secret(path, JsonPath.read(body, "$.secret"));
        return JsonPath.read(body, "$.id");
    }

    private String deliveries(String endpoint) throws Exception {
        return mvc.perform(get("/api/webhooks/" + endpoint + "/deliveries").with(HELSINKI_BI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String draftIn(String project, String city, int capacity) throws Exception {
        String body = mvc.perform(post("/api/events").with(cityUser(city, "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"projectId": "%s", "type": "WORKSHOP", "title": {"fi": "Webhook-työpaja"},
                                 "capacity": %d, "startsAt": "2027-03-01T08:00:00Z", "endsAt": "2027-03-01T12:00:00Z"}
                                """.formatted(project, capacity)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void publish(String event, String city) throws Exception {
        mvc.perform(post("/api/events/" + event + "/publish").with(cityUser(city, "staff", "event-organiser")))
                .andExpect(status().isOk());
    }
}
