package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
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
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.platform.testing.TopicProbe;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/**
 * Waiting-list offers against the embedded store and broker: a freed place is offered to the first waiting person
 * until a deadline; accepted it is theirs, declined or expired it is offered to the next; close to the start it is
 * given at once; a raised capacity makes offers; the confirmed and the offered never exceed the capacity, however
 * many places are freed at once; two deadline jobs ("replicas") expire each offer once.
 */
class WaitingListOffersTest extends EventsApiTestSupport {

    static final Instant FAR = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Autowired
    WaitingList waitingList;
    @Autowired
    fi.ecosystem.events.event.SeatCounter seats;

    String offeringEvent(int capacity, Integer offerHours, Instant startsAt) throws Exception {
        String body = mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content(eventJson(capacity, offerHours, startsAt)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(body, "$.offerHours")).isEqualTo(offerHours);
        return publish(JsonPath.read(body, "$.id"));
    }

    static String eventJson(int capacity, Integer offerHours, Instant startsAt) {
        return """
                {"projectId": "%s", "type": "WORKSHOP", "title": {"fi": "Tarjouspaja"}, "capacity": %d,
                 "startsAt": "%s", "offerHours": %s}
                """.formatted(PROJECT, capacity, startsAt, offerHours);
    }

    String register(String event, String email) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/events/" + event + "/registrations")
                        .with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content(person(email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    void cancel(String event, String registration) throws Exception {
        mvc.perform(post("/api/events/" + event + "/registrations/" + registration + "/cancel")
                .with(cityUser("espoo", "staff", "event-organiser"))).andExpect(status().isOk());
    }

    /**
     * Waits until the event's changes are on the topic (none left in its outbox) and events-service's handler of
     * event changes has committed every offset of the topic, on each of its partitions (the event's key chooses one).
     */
    void awaitEventChangesHandled(String event) {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                org.bson.Document stored = mongo.findById(event, org.bson.Document.class, "events");
                if (stored == null || !stored.getList("pendingEvents", Object.class, List.of()).isEmpty()) {
                    return false;
                }
                java.util.Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get().get(Topics.EVENTS).partitions()
                        .forEach(partition -> latest.put(new TopicPartition(Topics.EVENTS, partition.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                var handled = admin.listConsumerGroupOffsets("events-service.registrations").partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || handled.get(end.getKey()) != null && handled.get(end.getKey()).offset() >= end.getValue().offset());
            });
        }
    }

    /**
     * The status of a waiting registration once a freed place has moved it. Every handling of an event.changed
     * promotes too: when one runs while a test cancels, it can take the freed place first and move the person a
     * moment after the cancellation answered; so a test waits for the move before it asserts where it went.
     */
    RegistrationStatus statusOnceMoved(String registration) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(registration), status -> status != RegistrationStatus.WAITLISTED);
    }

    long count(String event, RegistrationStatus status) {
        return mongo.count(new Query(Criteria.where("eventId").is(event).and("status").is(status.name())), Registration.class);
    }

    void deadlinePassed(String registration) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(registration)),
                new Update().set("offeredUntil", Instant.now().minusSeconds(60)), Registration.class);
    }

    long recordsOf(String registration, String type) {
        return TopicProbe.readAll(kafka.getBrokersAsString(), Topics.REGISTRATIONS, Duration.ofSeconds(2)).stream()
                .filter(record -> registration.equals(record.key()) && type.equals(typeOf(record.value()))).count();
    }

    static String typeOf(String envelope) {
        try {
            return JsonPath.read(envelope, "$.type");
        } catch (RuntimeException notAnEnvelope) {
            return null;
        }
    }

    @Test
    void aFreedPlaceIsOfferedByMailAndTheOfferAcceptedOnceThroughThePrivateLink() throws Exception {
        String event = offeringEvent(1, 24, FAR);
        String first = register(event, "eka.tarjous@example.org");
        String second = register(event, "toka.tarjous@example.org");
        String third = register(event, "kolmas.tarjous@example.org");

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS); // the store keeps milliseconds
        cancel(event, first);

        assertThat(statusOnceMoved(second)).isEqualTo(RegistrationStatus.OFFERED);
        Registration offered = mongo.findById(second, Registration.class);
        assertThat(offered.offeredUntil()).isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
        assertThat(statusOf(third)).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(placesTaken(event)).as("the open offer holds the place").isEqualTo(1);
        mvc.perform(get("/api/events/" + event + "/registrations").with(cityUser("espoo", "staff", "event-organiser")))
                .andExpect(jsonPath("$.items[1].status").value("OFFERED"))
                .andExpect(jsonPath("$.items[1].offeredUntil").value(offered.offeredUntil().toString()))
                .andExpect(jsonPath("$.items[2].waitingListPosition").value(1));

        String token = tokenOf(event, "toka.tarjous@example.org");
        mvc.perform(get("/public/registrations/" + token)).andExpect(jsonPath("$.status").value("OFFERED"))
                .andExpect(jsonPath("$.offeredUntil").value(offered.offeredUntil().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> RegistrationApiTest.mailsTo("toka.tarjous@example.org").stream()
                .anyMatch(mail -> subject(mail).startsWith("Sinulle tarjotaan paikkaa")));
        String offerMail = RegistrationApiTest.mailsTo("toka.tarjous@example.org").stream()
                .filter(mail -> subject(mail).startsWith("Sinulle tarjotaan paikkaa")).map(RegistrationApiTest::text)
                .findFirst().orElseThrow();
        assertThat(offerMail).contains("/events/registrations/" + token + "/accept",
                "/events/registrations/" + token + "/decline", "Vastaa viimeistään");

        mvc.perform(post("/public/registrations/" + token + "/offer/accept")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED")).andExpect(jsonPath("$.offeredUntil").doesNotExist());
        mvc.perform(post("/public/registrations/" + token + "/offer/accept")).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("offer-not-open"));
        mvc.perform(post("/public/registrations/" + token + "/offer/decline")).andExpect(status().isConflict());
        assertThat(statusOf(second)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(statusOf(third)).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(placesTaken(event)).isEqualTo(1);
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS,
                record -> second.equals(record.key()) && record.value().contains("registration.offer-accepted"), Duration.ofSeconds(20));
        assertThat(recordsOf(second, "registration.offered")).isEqualTo(1);
        mvc.perform(post("/public/registrations/no-such-token/offer/accept")).andExpect(status().isNotFound());
    }

    @Test
    void theSameAcceptLinkSent500TimesFromManyThreadsConfirmsThePlaceOnce() throws Exception {
        String event = offeringEvent(1, 24, FAR);
        String first = register(event, "eka.toisto@example.org");
        String second = register(event, "toka.toisto@example.org");
        String third = register(event, "kolmas.toisto@example.org");
        cancel(event, first);
        assertThat(statusOnceMoved(second)).isEqualTo(RegistrationStatus.OFFERED);
        String token = tokenOf(event, "toka.toisto@example.org");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<org.springframework.mock.web.MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            calls.add(() -> mvc.perform(post("/public/registrations/" + token + "/offer/accept")).andReturn().getResponse());
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Future<org.springframework.mock.web.MockHttpServletResponse> call : pool.invokeAll(calls)) {
            statuses.add(call.get().getStatus());
            if (call.get().getStatus() == 409) {
                codes.add(JsonPath.read(call.get().getContentAsString(), "$.code"));
            }
        }
        pool.shutdown();

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(499);
        assertThat(codes).hasSize(499).containsOnly("offer-not-open");
        assertThat(statusOf(second)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(statusOf(third)).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(placesTaken(event)).as("the counter").isEqualTo(1);
        assertThat(count(event, RegistrationStatus.CONFIRMED)).isEqualTo(1);
        assertThat(mongo.findById(event, Event.class).waitlistedCount()).isEqualTo(1);
    }

    @Test
    void aPlaceLeftFreeByAProcessThatDiedBeforeOfferingItIsOfferedByTheDeadlineJob() throws Exception {
        String event = offeringEvent(1, 24, FAR);
        String first = register(event, "eka.kuollut@example.org");
        String second = register(event, "toka.kuollut@example.org");
        // every event.changed promotes the waiting when it is handled: the publishing's must be behind us, or it could
        // offer the place below before the deadline job does
        awaitEventChangesHandled(event);
        // the cancellation's first writes happened (status, the place back to the counter), then the process died
        mongo.updateFirst(new Query(Criteria.where("_id").is(first)), new Update().set("status", RegistrationStatus.CANCELLED.name()),
                Registration.class);
        seats.givePlaceBack(event);
        assertThat(placesTaken(event)).isZero();
        assertThat(statusOf(second)).isEqualTo(RegistrationStatus.WAITLISTED);

        // two replicas' rounds: the place is offered once, to the first waiting
        OfferDeadlines one = new OfferDeadlines(waitingList);
        OfferDeadlines other = new OfferDeadlines(waitingList);
        Instant now = Instant.now();
        assertThat(one.offerPlacesLeftFree(now) + other.offerPlacesLeftFree(now)).isEqualTo(1);
        assertThat(statusOf(second)).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(mongo.findById(second, Registration.class).offeredUntil()).isAfter(now);
        assertThat(placesTaken(event)).isEqualTo(1);
        assertThat(mongo.findById(event, Event.class).waitlistedCount()).isZero();
        assertThat(one.offerPlacesLeftFree(Instant.now())).isZero();
    }

    @Test
    void aDeclinedOfferGoesToTheNextPersonWaitingAndAWaitingPersonLeavesWithOneCall() throws Exception {
        String event = offeringEvent(1, 48, FAR);
        String first = register(event, "a.decline@example.org");
        String second = register(event, "b.decline@example.org");
        String third = register(event, "c.decline@example.org");
        String fourth = register(event, "d.decline@example.org");

        mvc.perform(delete("/public/registrations/" + tokenOf(event, "d.decline@example.org")))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        cancel(event, first);
        assertThat(statusOnceMoved(second)).isEqualTo(RegistrationStatus.OFFERED);
        mvc.perform(post("/public/registrations/" + tokenOf(event, "b.decline@example.org") + "/offer/decline"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        assertThat(statusOf(second)).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(statusOnceMoved(third)).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(statusOf(fourth)).as("left the list before the place freed").isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(placesTaken(event)).isEqualTo(1);
        assertThat(mongo.findById(event, Event.class).waitlistedCount()).isZero();
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS,
                record -> second.equals(record.key()) && record.value().contains("registration.offer-declined"), Duration.ofSeconds(20));
    }

    @Test
    void anExpiredOfferIsRefusedAndTwoDeadlineJobsExpireEachOfferOnceIntoTheNextPerson() throws Exception {
        String event = offeringEvent(3, 24, FAR);
        List<String> confirmed = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            confirmed.add(register(event, "c" + i + ".expiry@example.org"));
        }
        for (int i = 0; i < 6; i++) {
            waiting.add(register(event, "w" + i + ".expiry@example.org"));
        }
        for (String registration : confirmed) {
            cancel(event, registration);
        }
        List<String> firstOffers = waiting.subList(0, 3);
        for (String registration : firstOffers) {
            assertThat(statusOnceMoved(registration)).isEqualTo(RegistrationStatus.OFFERED);
            deadlinePassed(registration);
        }
        mvc.perform(post("/public/registrations/" + tokenOf(event, "w0.expiry@example.org") + "/offer/accept"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("offer-not-open"));

        // two replicas' deadline jobs at the same moment
        OfferDeadlines one = new OfferDeadlines(waitingList);
        OfferDeadlines other = new OfferDeadlines(waitingList);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Instant now = Instant.now();
        List<Callable<Integer>> runs = List.of(() -> { start.await(); return one.expire(now); },
                () -> { start.await(); return other.expire(now); });
        List<Future<Integer>> expired = runs.stream().map(replicas::submit).toList();
        start.countDown();
        int total = 0;
        for (Future<Integer> run : expired) {
            total += run.get();
        }
        replicas.shutdown();

        assertThat(total).isEqualTo(3);
        for (String registration : firstOffers) {
            assertThat(statusOf(registration)).isEqualTo(RegistrationStatus.CANCELLED);
        }
        for (String registration : waiting.subList(3, 6)) {
            assertThat(statusOf(registration)).as("the next in line is offered the place").isEqualTo(RegistrationStatus.OFFERED);
        }
        assertThat(placesTaken(event)).isEqualTo(3);
        assertThat(one.expire(Instant.now()) + other.expire(Instant.now())).as("nothing more is due").isZero();
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS,
                record -> firstOffers.get(2).equals(record.key()) && record.value().contains("registration.offer-expired"),
                Duration.ofSeconds(20));
        for (String registration : firstOffers) {
            assertThat(recordsOf(registration, "registration.offer-expired")).as("expired once: " + registration).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RegistrationApiTest.mailsTo("w0.expiry@example.org").stream()
                .anyMatch(mail -> subject(mail).startsWith("Tarjottu paikka siirtyi seuraavalle")));
    }

    @Test
    void raisingTheCapacityOffersTheNewPlaces() throws Exception {
        String event = offeringEvent(1, 24, FAR);
        register(event, "x.raise@example.org");
        String second = register(event, "y.raise@example.org");
        String third = register(event, "z.raise@example.org");
        String fourth = register(event, "q.raise@example.org");

        mvc.perform(put("/api/events/" + event).with(cityUser("espoo", "staff", "event-organiser"))
                .contentType(MediaType.APPLICATION_JSON).content(eventJson(3, 24, FAR))).andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(third) == RegistrationStatus.OFFERED);
        assertThat(statusOf(second)).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(statusOf(fourth)).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(placesTaken(event)).isEqualTo(3);
    }

    @Test
    void withLessThanTheOfferTimeLeftBeforeTheStartAFreedPlaceIsGivenAtOnce() throws Exception {
        String soon = offeringEvent(1, 24, Instant.now().plus(Duration.ofHours(23)));
        String first = register(soon, "a.soon@example.org");
        String second = register(soon, "b.soon@example.org");
        cancel(soon, first);
        assertThat(statusOnceMoved(second)).isEqualTo(RegistrationStatus.CONFIRMED);
        TopicProbe.awaitRecord(kafka.getBrokersAsString(), Topics.REGISTRATIONS,
                record -> second.equals(record.key()) && record.value().contains("registration.promoted"), Duration.ofSeconds(20));

        String later = offeringEvent(1, 24, Instant.now().plus(Duration.ofHours(25)));
        String third = register(later, "a.later@example.org");
        String fourth = register(later, "b.later@example.org");
        cancel(later, third);
        assertThat(statusOnceMoved(fourth)).as("25 hours left: time for a 24-hour offer").isEqualTo(RegistrationStatus.OFFERED);

        String immediate = offeringEvent(1, null, FAR);
        String fifth = register(immediate, "a.now@example.org");
        String sixth = register(immediate, "b.now@example.org");
        cancel(immediate, fifth);
        assertThat(statusOnceMoved(sixth)).as("an event without offers promotes at once").isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void placesFreedAtOnceFromManyThreadsNeverOverbook() throws Exception {
        String event = offeringEvent(10, 24, FAR);
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            confirmed.add(register(event, "p" + i + ".parallel@example.org"));
        }
        for (int i = 0; i < 25; i++) {
            register(event, "q" + i + ".parallel@example.org");
        }
        // every confirmed person cancels at once while new people keep registering: each freed place is offered once
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String registration : confirmed) {
            calls.add(() -> mvc.perform(post("/api/events/" + event + "/registrations/" + registration + "/cancel")
                    .with(cityUser("espoo", "staff", "event-organiser"))).andReturn().getResponse().getStatus());
        }
        for (int i = 0; i < 10; i++) {
            String email = "late" + i + ".parallel@example.org";
            calls.add(() -> mvc.perform(post("/api/events/" + event + "/registrations")
                    .with(cityUser("espoo", "staff", "event-organiser")).contentType(MediaType.APPLICATION_JSON)
                    .content(person(email))).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : pool.invokeAll(calls)) {
            statuses.add(call.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 201);
        long holding = count(event, RegistrationStatus.CONFIRMED) + count(event, RegistrationStatus.OFFERED);
        assertThat(holding).as("confirmed and offered together").isEqualTo(10);
        assertThat(placesTaken(event)).isEqualTo(10);
        assertThat(count(event, RegistrationStatus.OFFERED)).as("the freed places went to people waiting")
                .isGreaterThanOrEqualTo(1);
        assertThat(count(event, RegistrationStatus.CANCELLED)).isEqualTo(10);
        assertThat(count(event, RegistrationStatus.WAITLISTED) + holding + 10).isEqualTo(45);
        assertThat(mongo.findById(event, Event.class).waitlistedCount()).isEqualTo((int) count(event, RegistrationStatus.WAITLISTED));
    }

    @Test
    void badOfferAndReminderSettingsAreProblemsWithCodes() throws Exception {
        mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content(eventJson(5, 0, FAR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("offerHours"));
        mvc.perform(post("/api/events").with(cityUser("espoo", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"projectId": "%s", "type": "WORKSHOP", "title": {"fi": "Muistutuspaja"}, "capacity": 5,
                                 "startsAt": "%s", "reminders": [{"hoursBefore": 24}, {"hoursBefore": 24}]}
                                """.formatted(PROJECT, FAR)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reminders[1].hoursBefore"))
                .andExpect(jsonPath("$.errors[0].code").value("reminder-twice"));
        assertThat(mongo.count(new Query(), Event.class)).isZero();
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
