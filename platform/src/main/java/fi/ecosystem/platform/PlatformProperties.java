package fi.ecosystem.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the platform library ({@code ecosystem.*}); defaults in {@code platform-defaults.properties}. */
@ConfigurationProperties("ecosystem")
public record PlatformProperties(Security security, Web web, Outbox outbox, Inbox inbox, Kafka kafka, Privacy privacy) {

    /**
     * @param issuerUri  the only trusted token issuer (the {@code ecosystem} realm)
     * @param jwkSetUri  where its signing keys are
     * @param clockSkew  tolerance for token expiry; small, so an expired token is refused promptly
     * @param audience   the audience every API token must carry (Keycloak's audience mapper on the API's clients)
     * @param clients    the clients whose tokens are API tokens ({@code azp}): the gateway and the integrators
     */
    public record Security(String issuerUri, String jwkSetUri, Duration clockSkew, String audience, List<String> clients) {
    }

    public record Web(DataSize maxBodySize) {
    }

    /**
     * @param collections the collections whose documents carry {@code pendingEvents}
     * @param pollInterval how often the relay looks for events it was not woken for
     * @param fullScanInterval how often it scans whole collections for events nobody hinted (e.g. left by a crash)
     */
    public record Outbox(List<String> collections, Duration pollInterval, Duration sendTimeout, Duration fullScanInterval) {
    }

    /** @param retention how long the markers of handled events are kept */
    public record Inbox(Duration retention) {
    }

    public record Kafka(int partitions, int replicationFactor) {
    }

    /**
     * Platform secrets of personal data, the same in every service (from a secret store in production).
     *
     * @param keyDatabase    the database of the data subjects' keys, shared by every service (crypto-shredding)
     * @param kek            base64 of the current 256-bit key-encryption key that wraps those keys
     * @param oldKeks        base64 of earlier KEKs, kept until their keys are re-wrapped with the current one
     * @param hashKey        base64 of the secret of the keyed hash of e-mail addresses (key ids, erasure)
     * @param rewrapInterval how often keys in clear or under an old KEK are (re-)wrapped, besides at start
     */
    public record Privacy(String keyDatabase, String kek, List<String> oldKeks, String hashKey, Duration rewrapInterval) {

        /** Never the secrets themselves, wherever properties are printed. */
        @Override
        public String toString() {
            return "Privacy[keyDatabase=" + keyDatabase + ", kek=*, oldKeks=" + (oldKeks == null ? 0 : oldKeks.size())
                    + " configured, hashKey=*, rewrapInterval=" + rewrapInterval + "]";
        }
    }
}
