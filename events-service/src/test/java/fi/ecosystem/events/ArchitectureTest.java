package fi.ecosystem.events;

import fi.ecosystem.platform.testing.ServiceArchitectureTest;
import java.util.Map;

/** The rules of docs/architecture.md for events-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("fi.ecosystem.events", Map.of(
                "fi.ecosystem.events.event.SeatCounter.takePlace",
                "the event's guarded seat counter: its $expr compares two fields of the stored document, so the write "
                        + "is unmapped; in the aggregate's own package, and a counter causes no event",
                "fi.ecosystem.events.registration.RegistrationsPerAddress",
                "the per-address cap's counters (registrations_per_address); no aggregate",
                "fi.ecosystem.events.webhook.WebhookStore.nextSequence",
                "an endpoint's order counter per aggregate (webhook_sequences); no aggregate",
                "fi.ecosystem.events.webhook.WebhookStore.delete",
                "a deleted endpoint's order counters (webhook_sequences); no aggregate",
                "fi.ecosystem.events.feedback.FeedbackInvitations",
                "an event's feedback round, a lease per event (feedbackRounds); no aggregate"));
    }
}
