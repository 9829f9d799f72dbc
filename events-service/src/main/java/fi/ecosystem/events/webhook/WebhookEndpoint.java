package fi.ecosystem.events.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An integrator's endpoint and what it receives. The client's cities and scopes are those of its token when it
 * last created or changed the endpoint: deliveries follow the access rule with them, as an API call would.
 *
 * @param owner          the client's token subject (its service account): only it sees the endpoint
 * @param secret         the {@code whsec_} secret its deliveries are signed with; answered once, at creation
 * @param enabled        false after a delivery failed for a day (or when the client turns it off): nothing is queued
 * @param disabledReason why it was turned off, for the client
 */
@Document("webhook_endpoints")
@CompoundIndexes({
    @CompoundIndex(name = "types_enabled", def = "{'eventTypes': 1, 'enabled': 1}"),
    // a client registers a URL once, however often its script sends the request; also serves the client's list
    @CompoundIndex(name = "one_per_owner_url", def = "{'owner': 1, 'url': 1}", unique = true)})
public record WebhookEndpoint(
        @Id String id,
        String owner,
        String clientName,
        Set<String> cities,
        Set<String> scopes,
        String url,
        List<String> eventTypes,
        String contactEmail,
        String description,
        String secret,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    public boolean wants(String type) {
        return WebhookAccess.patternsMatching(type).stream().anyMatch(eventTypes::contains);
    }
}
