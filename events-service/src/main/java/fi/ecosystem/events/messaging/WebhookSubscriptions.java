package fi.ecosystem.events.messaging;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.events.webhook.WebhookFanOut;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Webhooks hear every topic whose events integrators may receive, each in a consumer group of its own
 * ({@code events-service.webhooks-<topic>}), so they keep their offsets apart from the service's other handlers and
 * follow Kafka's order per aggregate. Queueing is idempotent by itself (a delivery's id is the endpoint's and the
 * event's), so no inbox marker is written: an event no endpoint wants costs one read of the endpoints.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSubscriptions {

    private static Subscription webhooks(Inbox inbox, String topic, WebhookFanOut fanOut) {
        return inbox.subscribe(topic).group("webhooks-" + topic).always(event -> queue(fanOut, event));
    }

    private static void queue(WebhookFanOut fanOut, InboundEvent event) {
        fanOut.queue(event.envelope(), event.sealedData());
    }

    @Bean
    Subscription projectWebhooks(Inbox inbox, WebhookFanOut fanOut) {
        return webhooks(inbox, Topics.PROJECTS, fanOut);
    }

    @Bean
    Subscription eventWebhooks(Inbox inbox, WebhookFanOut fanOut) {
        return webhooks(inbox, Topics.EVENTS, fanOut);
    }

    @Bean
    Subscription registrationWebhooks(Inbox inbox, WebhookFanOut fanOut) {
        return webhooks(inbox, Topics.REGISTRATIONS, fanOut);
    }

    @Bean
    Subscription contactWebhooks(Inbox inbox, WebhookFanOut fanOut) {
        return webhooks(inbox, Topics.CONTACTS, fanOut);
    }

    @Bean
    Subscription organisationWebhooks(Inbox inbox, WebhookFanOut fanOut) {
        return webhooks(inbox, Topics.ORGANISATIONS, fanOut);
    }
}
