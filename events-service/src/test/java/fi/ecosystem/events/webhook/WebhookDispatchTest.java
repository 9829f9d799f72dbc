package fi.ecosystem.events.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fi.ecosystem.contracts.EventEnvelope;
import fi.ecosystem.events.webhook.WebhookDelivery.Status;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.testing.EmbeddedStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery job against the in-process store, with a stub in place of HTTP: order per aggregate while an
 * earlier delivery fails, each delivery sent by one of two "replicas" (two dispatchers on one store), the access
 * rule and the personal-data scope at queueing, giving up after the window with the endpoint disabled and its
 * contact mailed, and a replay.
 */
class WebhookDispatchTest {

    private static MongoClient client;
    private MongoTemplate mongo;
    private WebhookStore store;
    private WebhookFanOut fanOut;
    private final JavaMailSender mail = mock(JavaMailSender.class);
    private final JsonMapper json = JsonMapper.builder().build();
    private final RetrySchedule fast = new RetrySchedule(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(20));
    private final List<WebhookDispatcher> dispatchers = new ArrayList<>();

    /** What the stub endpoint got, in the order it accepted them. */
    private final List<Map<String, Object>> accepted = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> sends = new ConcurrentHashMap<>();
    private volatile Predicate<Map<String, Object>> refuses = envelope -> false;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedStore.uri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyStore() {
        mongo = new MongoTemplate(client, "webhook-dispatch-test");
        mongo.getDb().drop();
        store = new WebhookStore(mongo);
        fanOut = new WebhookFanOut(store, fast);
    }

    @AfterEach
    void stopDispatchers() {
        dispatchers.forEach(WebhookDispatcher::shutdown);
    }

    @Test
    void anAggregatesDeliveriesWaitForItsEarlierOneWhileOtherAggregatesGoOn() {
        WebhookEndpoint endpoint = endpoint("helsinki", Set.of("events:read"), "event.changed");
        // the first event of aggregate a is refused three times, as if its endpoint were down for it
        refuses = envelope -> "a-1".equals(envelope.get("id")) && sends.get("a-1") <= 3;
        for (String event : List.of("a-1", "b-1", "a-2", "b-2", "a-3")) {
            assertThat(fanOut.queue(envelope(event, event.substring(0, 1), "event.changed", List.of("helsinki")), Map.of())).isEqualTo(1);
        }
        WebhookDispatcher dispatcher = dispatcher(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            dispatcher.dispatchDue();
            return mongo.count(new Query(Criteria.where("status").is("DELIVERED")), WebhookDelivery.COLLECTION) == 5;
        });

        assertThat(idsOf("a")).containsExactly("a-1", "a-2", "a-3");
        assertThat(idsOf("b")).containsExactly("b-1", "b-2");
        assertThat(sends.get("a-1")).isEqualTo(4);
        assertThat(sends.get("a-2")).isEqualTo(1);
        // b did not wait for a's failing delivery
        assertThat(accepted.indexOf(accepted.stream().filter(e -> e.get("id").equals("b-2")).findFirst().orElseThrow()))
                .isLessThan(accepted.indexOf(accepted.stream().filter(e -> e.get("id").equals("a-1")).findFirst().orElseThrow()));
        WebhookDelivery first = store.delivery(endpoint.id(), endpoint.id() + ":a-1").orElseThrow();
        assertThat(first.attempts()).isEqualTo(4);
        assertThat(first.lastStatus()).isEqualTo(200);
        assertThat(first.deliveredAt()).isNotNull();
    }

    @Test
    void twoReplicasSendEachDeliveryOnceAndInOrderPerAggregate() throws Exception {
        endpoint("helsinki", Set.of("events:read"), "registration.*");
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "r" + (i % 8) + "-" + (i / 8);
            queued.add(id);
            fanOut.queue(envelope(id, "r" + (i % 8), "registration.confirmed", List.of("helsinki")), Map.of());
        }
        WebhookDispatcher one = dispatcher(3);
        WebhookDispatcher two = dispatcher(3);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(one::dispatchDue);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(two::dispatchDue);
            first.join();
            second.join();
            return mongo.count(new Query(Criteria.where("status").is("DELIVERED")), WebhookDelivery.COLLECTION) == 40;
        });

        assertThat(sends).hasSize(40);
        assertThat(sends.values()).allMatch(count -> count == 1);
        for (int aggregate = 0; aggregate < 8; aggregate++) {
            assertThat(idsOf("r" + aggregate)).containsExactly("r" + aggregate + "-0", "r" + aggregate + "-1",
                    "r" + aggregate + "-2", "r" + aggregate + "-3", "r" + aggregate + "-4");
        }
    }

    /**
     * The subscriptions hand over a poll's events together: the endpoints are read once for all of them, and each event
     * still goes to exactly the endpoints that want its type and may read it, in order per aggregate.
     */
    @Test
    void aPollsEventsReadTheEndpointsOnceAndEachGoesWhereItsOwnWouldGo() {
        AtomicInteger reads = new AtomicInteger();
        store = new WebhookStore(mongo) {
            @Override
            public List<WebhookEndpoint> enabledFor(Collection<String> types) {
                reads.incrementAndGet();
                return super.enabledFor(types);
            }
        };
        fanOut = new WebhookFanOut(store, fast);
        WebhookEndpoint changes = endpoint("helsinki", Set.of("events:read"), "event.changed");
        WebhookEndpoint people = endpoint("helsinki", Set.of("events:read", "events:write"), "registration.*");
        WebhookEndpoint vantaa = endpoint("vantaa", Set.of("events:read", "events:write"), "registration.*");
        WebhookEndpoint projects = endpoint("helsinki", Set.of("projects:read"), "project.changed");
        Inbox inbox = new Inbox(mongo, json, Duration.ofDays(1));
        List<InboundEvent> poll = List.of(
                received(inbox, envelope("ev-1", "a", "event.changed", List.of("helsinki"))),
                received(inbox, envelope("reg-1", "r", "registration.confirmed", List.of("helsinki"))),
                received(inbox, envelope("reg-2", "s", "registration.cancelled", List.of("vantaa"))),
                received(inbox, envelope("p-1", "p", "project.changed", List.of("helsinki"))),
                received(inbox, envelope("ev-2", "a", "event.changed", List.of("helsinki"))),
                received(inbox, envelope("org-1", "o", "organisation.changed", List.of("helsinki"))));

        assertThat(fanOut.queueAll(poll)).isEqualTo(5);

        assertThat(reads.get()).isEqualTo(1);
        assertThat(deliveries(changes)).containsExactly("ev-1", "ev-2");
        assertThat(deliveries(people)).containsExactly("reg-1");
        assertThat(deliveries(vantaa)).containsExactly("reg-2");
        assertThat(deliveries(projects)).containsExactly("p-1");
        // in Kafka's order per aggregate
        assertThat(store.delivery(changes.id(), changes.id() + ":ev-1").orElseThrow().sequence())
                .isLessThan(store.delivery(changes.id(), changes.id() + ":ev-2").orElseThrow().sequence());
        // the poll redelivered: nothing queued twice
        assertThat(fanOut.queueAll(poll)).isZero();
        assertThat(mongo.count(new Query(), WebhookDelivery.COLLECTION)).isEqualTo(5);
    }

    private static InboundEvent received(Inbox inbox, EventEnvelope envelope) {
        return inbox.receive(new ConsumerRecord<>("any", 0, 0, envelope.subject(), JsonMapper.builder().build().writeValueAsString(envelope)));
    }

    /** The event ids queued for the endpoint, in their sequence. */
    private List<String> deliveries(WebhookEndpoint endpoint) {
        return mongo.find(new Query(Criteria.where("endpointId").is(endpoint.id())).with(Sort.by("aggregate", "sequence")),
                WebhookDelivery.class).stream().map(WebhookDelivery::eventId).toList();
    }

    @Test
    void anIntegratorGetsOnlyItsCitysEventsAndPersonalFieldsOnlyWithTheScope() {
        WebhookEndpoint people = endpoint("helsinki", Set.of("events:read", "events:write"), "registration.*");
        WebhookEndpoint noPeople = endpoint("helsinki", Set.of("events:read"), "registration.confirmed");
        WebhookEndpoint vantaa = endpoint("vantaa", Set.of("events:read", "events:write"), "registration.*");
        WebhookEndpoint projectsOnly = endpoint("helsinki", Set.of("projects:read"), "project.changed");

        Map<String, Object> opened = new LinkedHashMap<>(Map.of("registrationId", "reg-1",
                "participant", Map.of("email", "maija@example.org", "firstName", "Maija")));
        Map<String, Object> sealed = Map.of("registrationId", "reg-1", "sealed", Map.of("subject", "k", "ciphertext", "x"));
        EventEnvelope helsinkis = new EventEnvelope("e-1", "registration.confirmed", 1, Instant.now(), "events-service", "reg-1",
                List.of("helsinki", "espoo"), null, opened);

        assertThat(fanOut.queue(helsinkis, sealed)).isEqualTo(2);

        assertThat(store.delivery(people.id(), people.id() + ":e-1").orElseThrow().data()).isEqualTo(sealed);
        assertThat(store.delivery(people.id(), people.id() + ":e-1").orElseThrow().sealed()).isTrue();
        WebhookDelivery withoutPeople = store.delivery(noPeople.id(), noPeople.id() + ":e-1").orElseThrow();
        assertThat(withoutPeople.data()).containsEntry("registrationId", "reg-1").doesNotContainKeys("participant", "sealed");
        assertThat(withoutPeople.sealed()).isFalse();
        assertThat(store.delivery(vantaa.id(), vantaa.id() + ":e-1")).isEmpty();
        assertThat(store.delivery(projectsOnly.id(), projectsOnly.id() + ":e-1")).isEmpty();

        EventEnvelope vantaas = new EventEnvelope("e-2", "registration.cancelled", 1, Instant.now(), "events-service", "reg-2",
                List.of("vantaa"), null, Map.of("registrationId", "reg-2"));
        assertThat(fanOut.queue(vantaas, vantaas.data())).isEqualTo(1);
        assertThat(store.delivery(vantaa.id(), vantaa.id() + ":e-2")).isPresent();
        assertThat(store.delivery(people.id(), people.id() + ":e-2")).isEmpty();

        // a redelivered event is queued once
        assertThat(fanOut.queue(helsinkis, sealed)).isZero();
        assertThat(mongo.count(new Query(), WebhookDelivery.COLLECTION)).isEqualTo(3);
    }

    @Test
    void afterItsWindowADeliveryIsGivenUpTheEndpointDisabledItsContactMailedAndAReplaySendsItAgain() {
        // a window long enough for several attempts also on a loaded machine (at 600 ms, a slow first attempt was the only one)
        fanOut = new WebhookFanOut(store, new RetrySchedule(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(3)));
        WebhookEndpoint endpoint = endpoint("helsinki", Set.of("events:read"), "event.*");
        refuses = envelope -> true;
        fanOut.queue(envelope("x-1", "x", "event.changed", List.of("helsinki")), Map.of());
        fanOut.queue(envelope("x-2", "x", "event.changed", List.of("helsinki")), Map.of());
        WebhookDispatcher dispatcher = dispatcher(1);

        await().atMost(Duration.ofSeconds(40)).until(() -> {
            dispatcher.dispatchDue();
            return !store.endpoint(endpoint.id()).orElseThrow().enabled();
        });

        WebhookDelivery givenUp = store.delivery(endpoint.id(), endpoint.id() + ":x-1").orElseThrow();
        assertThat(givenUp.status()).isEqualTo(Status.FAILED);
        assertThat(givenUp.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(givenUp.lastStatus()).isEqualTo(503);
        assertThat(givenUp.lastError()).contains("HTTP 503");
        assertThat(store.delivery(endpoint.id(), endpoint.id() + ":x-2").orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(store.endpoint(endpoint.id()).orElseThrow().disabledReason()).contains("failed for a day");
        verify(mail, times(1)).send(any(SimpleMailMessage.class));
        // a later event is not queued for a disabled endpoint
        assertThat(fanOut.queue(envelope("x-3", "x", "event.changed", List.of("helsinki")), Map.of())).isZero();

        refuses = envelope -> false;
        store.save(enabled(store.endpoint(endpoint.id()).orElseThrow()));
        Instant now = Instant.now();
        assertThat(store.replay(endpoint.id(), null, List.of(Status.FAILED), null, null, now, now.plusSeconds(60))).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            dispatcher.dispatchDue();
            return mongo.count(new Query(Criteria.where("status").is("DELIVERED")), WebhookDelivery.COLLECTION) == 2;
        });
        assertThat(idsOf("x")).containsExactly("x-1", "x-2");
    }

    @Test
    void aDeliveryHeldByAReplicaIsNotClaimedByAnotherUntilItsLeaseRunsOut() {
        endpoint("helsinki", Set.of("events:read"), "event.changed");
        fanOut.queue(envelope("l-1", "l", "event.changed", List.of("helsinki")), Map.of());
        Instant now = Instant.now();
        WebhookDelivery claimed = store.claim(now, "replica-1", now.plusSeconds(60));
        assertThat(claimed).isNotNull();
        assertThat(store.claim(now, "replica-2", now.plusSeconds(60))).isNull();
        assertThat(store.claim(now.plusSeconds(61), "replica-2", now.plusSeconds(120))).isNotNull();
        // the first replica's late outcome is not recorded over the second one's claim
        store.delivered(claimed, "replica-1", now, 200);
        assertThat(store.delivery(claimed.endpointId(), claimed.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
        verify(mail, never()).send(any(SimpleMailMessage.class));
    }

    @Test
    void aDeliveryClaimedByAReplicaThatDiedIsSentByAnotherOnceTheLeaseRunsOutAndOnlyThen() {
        WebhookEndpoint endpoint = endpoint("helsinki", Set.of("events:read"), "event.changed");
        fanOut.queue(envelope("d-1", "d", "event.changed", List.of("helsinki")), Map.of());
        // the first replica claims the delivery and dies while sending: nothing of the attempt is recorded
        WebhookSender dying = new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(1), new TargetPolicy(true)) {
            @Override
            public Outcome send(String url, String secret, String messageId, long timestampSeconds, String body) {
                sends.merge(messageId, 1, Integer::sum);
                throw new IllegalStateException("the process was killed mid-send");
            }
        };
        WebhookDispatcher died = new WebhookDispatcher(store, dying, fast, new WebhookMails(mail, "hooks@example.org"), json, null,
                Duration.ofSeconds(5), 1);
        dispatchers.add(died);
        Instant claimedAt = Instant.now();
        org.assertj.core.api.Assertions.assertThatThrownBy(died::dispatchDue).isInstanceOf(IllegalStateException.class);
        WebhookDelivery held = store.delivery(endpoint.id(), endpoint.id() + ":d-1").orElseThrow();
        assertThat(held.status()).isEqualTo(Status.PENDING);
        assertThat(held.leaseUntil()).isAfter(claimedAt);

        // another replica on the same store leaves it alone while the lease holds ...
        WebhookDispatcher survivor = dispatcher(2);
        assertThat(survivor.dispatchDue()).as("sent while the dead replica's lease holds").isZero();
        assertThat(accepted).isEmpty();
        // ... and sends it once the lease has run out, once
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            survivor.dispatchDue();
            return accepted.size() == 1;
        });
        assertThat(Instant.now()).isAfterOrEqualTo(held.leaseUntil());
        assertThat(survivor.dispatchDue()).isZero();
        assertThat(accepted).extracting(e -> e.get("id")).containsExactly("d-1");
        assertThat(sends.get("d-1")).as("the dead replica's try and the survivor's").isEqualTo(2);
        assertThat(store.delivery(endpoint.id(), endpoint.id() + ":d-1").orElseThrow().status()).isEqualTo(Status.DELIVERED);
    }

    private List<String> idsOf(String aggregate) {
        synchronized (accepted) {
            return accepted.stream().filter(envelope -> aggregate.equals(envelope.get("subject")))
                    .map(envelope -> (String) envelope.get("id")).toList();
        }
    }

    private WebhookEndpoint endpoint(String city, Set<String> scopes, String... types) {
        Instant now = Instant.now();
        return store.insert(new WebhookEndpoint(UUID.randomUUID().toString(), city + "-bi", "service-account-" + city + "-bi",
                Set.of(city), scopes, "http://127.0.0.1:9/hook", List.of(types), "it@" + city + ".example.org", null,
                WebhookSignature.newSecret(), true, null, now, now, null));
    }

    private static WebhookEndpoint enabled(WebhookEndpoint e) {
        return new WebhookEndpoint(e.id(), e.owner(), e.clientName(), e.cities(), e.scopes(), e.url(), e.eventTypes(),
                e.contactEmail(), e.description(), e.secret(), true, null, e.createdAt(), Instant.now(), e.version());
    }

    private static EventEnvelope envelope(String id, String aggregate, String type, List<String> cities) {
        return new EventEnvelope(id, type, 1, Instant.now(), "events-service", aggregate, cities, null, Map.of("n", id));
    }

    private WebhookDispatcher dispatcher(int workers) {
        WebhookSender stub = new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(1), new TargetPolicy(true)) {
            @Override
            public Outcome send(String url, String secret, String messageId, long timestampSeconds, String body) {
                @SuppressWarnings("unchecked")
                Map<String, Object> envelope = json.readValue(body, Map.class);
                sends.merge(messageId, 1, Integer::sum);
                if (refuses.test(envelope)) {
                    return new Outcome(503, "HTTP 503: down");
                }
                accepted.add(envelope);
                return new Outcome(200, null);
            }
        };
        WebhookDispatcher dispatcher = new WebhookDispatcher(store, stub, fast, new WebhookMails(mail, "hooks@example.org"), json,
                null, Duration.ofSeconds(30), workers);
        dispatchers.add(dispatcher);
        return dispatcher;
    }
}
