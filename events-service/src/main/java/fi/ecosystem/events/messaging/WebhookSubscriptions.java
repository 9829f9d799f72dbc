package fi.ecosystem.events.messaging;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.events.webhook.WebhookFanOut;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.BatchSubscription;
import java.util.List;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Webhooks hear every topic whose events integrators may receive, each in a consumer group of its own
 * ({@code events-service.webhooks-<topic>}), so they keep their offsets apart from the service's other handlers and
 * follow Kafka's order per aggregate. Queueing is idempotent by itself (a delivery's id is the endpoint's and the
 * event's), so no inbox marker is written. The events of one poll come together: the endpoints are read once for
 * them all, so a poll no endpoint wants costs one read (and no key: sealed parts are opened only for an endpoint
 * that may not read them).
 */
@Configuration(proxyBeanMethods = false)
@Import(WebhookSubscriptions.PerTopic.class)
class WebhookSubscriptions {

    static final List<String> TOPICS = List.of(Topics.PROJECTS, Topics.EVENTS, Topics.REGISTRATIONS, Topics.CONTACTS,
            Topics.ORGANISATIONS);

    /** One subscription bean per topic: a bean, so that its listener is started with the others. */
    static final class PerTopic implements BeanRegistrar {

        @Override
        public void register(BeanRegistry registry, Environment environment) {
            for (String topic : TOPICS) {
                registry.registerBean("webhooks-" + topic, BatchSubscription.class, spec -> spec.supplier(context -> {
                    WebhookFanOut fanOut = context.bean(WebhookFanOut.class);
                    return context.bean(Inbox.class).subscribe(topic).group("webhooks-" + topic)
                            .alwaysTogether(fanOut::queueAll);
                }));
            }
        }
    }
}
