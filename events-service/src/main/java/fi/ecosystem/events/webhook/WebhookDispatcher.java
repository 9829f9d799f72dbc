package fi.ecosystem.events.webhook;

import fi.ecosystem.contracts.EventEnvelope;
import fi.ecosystem.platform.privacy.PersonalDataSeal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what is due, on every replica: each worker claims one delivery at a time ({@link WebhookStore#claim}, a
 * lease), so a delivery goes out from one replica; one whose lease ran out (its replica died) is claimed again.
 * A delivery waits while an earlier one of the same aggregate for the same endpoint is neither delivered nor
 * given up; whichever finishes wakes the next. A failure is tried again on the {@link RetrySchedule}; after its
 * day it is given up, the endpoint turned off, what waits for it given up too, and the client's contact mailed.
 */
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** How long a delivery waiting for a predecessor that is being sent at most waits before it looks again. */
    private static final Duration IN_FLIGHT_RECHECK = Duration.ofSeconds(2);
    private static final Duration MIN_WAIT = Duration.ofMillis(200);

    private final WebhookStore store;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final WebhookMails mails;
    private final JsonMapper json;
    private final PersonalDataSeal seal;
    private final Duration lease;
    private final int workers;
    private final String worker = UUID.randomUUID().toString();
    private final ExecutorService pool;

    public WebhookDispatcher(WebhookStore store, WebhookSender sender, RetrySchedule schedule, WebhookMails mails, JsonMapper json,
            PersonalDataSeal seal, Duration lease, int workers) {
        this.store = store;
        this.sender = sender;
        this.schedule = schedule;
        this.mails = mails;
        this.json = json;
        this.seal = seal;
        this.lease = lease;
        this.workers = workers;
        this.pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "webhook-" + worker.substring(0, 8));
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${ecosystem.webhooks.poll:PT1S}", initialDelayString = "${ecosystem.webhooks.poll:PT1S}")
    void sendDue() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Sending due webhooks failed; tried again at the next poll", e);
        }
    }

    /** Sends every delivery due now, with the workers in parallel; returns how many attempts were made. */
    public int dispatchDue() {
        // one claim first, on the scheduler's thread: an idle poll costs the store one command, not one per worker
        if (!dispatchOne()) {
            return 0;
        }
        AtomicInteger attempts = new AtomicInteger(1);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(pool.submit(() -> {
                while (dispatchOne()) {
                    attempts.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return attempts.get();
    }

    /** Claims one due delivery and deals with it; false when none was due. */
    boolean dispatchOne() {
        Instant now = Instant.now();
        WebhookDelivery delivery = store.claim(now, worker, now.plus(lease));
        if (delivery == null) {
            return false;
        }
        var earlier = store.earlierPending(delivery);
        if (earlier.isPresent()) {
            store.postpone(delivery, worker, waitFor(earlier.get(), now), now);
            return true;
        }
        var endpoint = store.endpoint(delivery.endpointId()).filter(WebhookEndpoint::enabled);
        if (endpoint.isEmpty()) {
            store.gaveUp(delivery, worker, now, null, "the endpoint is disabled", false);
            store.wakeNext(delivery, now);
            return true;
        }
        WebhookSender.Outcome outcome = sender.send(endpoint.get().url(), endpoint.get().secret(), delivery.eventId(),
                Instant.now().getEpochSecond(), body(delivery));
        Instant done = Instant.now();
        if (outcome.delivered()) {
            store.delivered(delivery, worker, done, outcome.status());
            store.wakeNext(delivery, done);
            return true;
        }
        var next = schedule.next(delivery.attempts() + 1, done, delivery.giveUpAt());
        if (next.isPresent()) {
            store.retry(delivery, worker, done, outcome.status(), outcome.error(), next.get());
            return true;
        }
        store.gaveUp(delivery, worker, done, outcome.status(), outcome.error(), true);
        store.wakeNext(delivery, done);
        disable(endpoint.get(), outcome.error(), done);
        return true;
    }

    /** When a delivery blocked by an earlier one looks again (the earlier one's finishing wakes it sooner). */
    private static Instant waitFor(WebhookDelivery earlier, Instant now) {
        Instant until = later(earlier.nextAttemptAt(), earlier.leaseUntil());
        if (earlier.leaseUntil() != null && earlier.leaseUntil().isAfter(now)) {
            until = earlier(until, now.plus(IN_FLIGHT_RECHECK));
        }
        return later(until, now.plus(MIN_WAIT));
    }

    private void disable(WebhookEndpoint endpoint, String error, Instant now) {
        String reason = "A delivery failed for a day; the last error: " + error;
        if (!store.disable(endpoint.id(), reason, now)) {
            return;
        }
        long givenUp = store.giveUpPending(endpoint.id(), "the endpoint was disabled", now);
        log.warn("Webhook endpoint {} of {} disabled after a day of failures ({} waiting deliveries given up): {}", endpoint.id(),
                endpoint.clientName(), givenUp, error);
        try {
            mails.endpointDisabled(endpoint, error);
        } catch (RuntimeException mailFailed) {
            log.warn("The mail about the disabled webhook endpoint {} to its contact failed", endpoint.id(), mailFailed);
        }
    }

    /** The envelope as it travels on Kafka, personal fields opened for a client that may read them (gone once erased). */
    String body(WebhookDelivery delivery) {
        Map<String, Object> data = delivery.data() == null ? Map.of() : delivery.data();
        if (delivery.sealed() && seal != null) {
            data = seal.open(delivery.eventId(), data).data();
        }
        return json.writeValueAsString(new EventEnvelope(delivery.eventId(), delivery.type(), delivery.eventVersion(),
                delivery.eventTime(), delivery.source(), delivery.aggregate(), delivery.cities(), delivery.traceparent(), data));
    }

    public void shutdown() {
        pool.shutdownNow();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
