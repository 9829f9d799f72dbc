package fi.ecosystem.platform.privacy;

import com.mongodb.client.MongoClient;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.PlatformProperties;
import fi.ecosystem.platform.ServiceDefaultsAutoConfiguration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The privacy part of the platform: the data subjects' keys (wrapped by the key-encryption key), the keyed
 * e-mail hash, sealing of personal fields, the privacy audit, and the person's own rights (export for the
 * person, erasure). For services with a store; a module without MongoDB on its class path gets none of it.
 */
@AutoConfiguration(after = ServiceDefaultsAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnProperty(name = "ecosystem.messaging.enabled", havingValue = "true", matchIfMissing = true)
public class PrivacyAutoConfiguration {

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(PlatformProperties properties) {
        PlatformProperties.Privacy privacy = properties.privacy();
        warnIfLocal(privacy.kek(), "PERSONAL_DATA_KEK");
        return new KeyEncryptionKeys(privacy.kek(), privacy.oldKeks() == null ? List.of() : privacy.oldKeks());
    }

    @Bean
    EmailHash emailHash(PlatformProperties properties) {
        warnIfLocal(properties.privacy().hashKey(), "PERSONAL_DATA_HASH_KEY");
        return EmailHash.fromBase64(properties.privacy().hashKey());
    }

    /** The data subjects' keys live in a database of their own, next to the service's, shared by all services. */
    @Bean
    PersonalDataKeys personalDataKeys(MongoClient client, PlatformProperties properties, KeyEncryptionKeys keks) {
        return new PersonalDataKeys(new MongoTemplate(client, properties.privacy().keyDatabase()), keks);
    }

    @Bean
    KeyRewrap keyRewrap(PersonalDataKeys keys, PlatformProperties properties) {
        return new KeyRewrap(keys, properties.privacy().rewrapInterval());
    }

    @Bean
    PersonalDataSeal personalDataSeal(PersonalDataKeys keys, EmailHash emailHash, JsonMapper json) {
        return new PersonalDataSeal(keys, emailHash, json);
    }

    @Bean
    PrivacyAudit privacyAudit(MongoTemplate mongo, @Value("${spring.application.name}") String service) {
        return new PrivacyAudit(mongo, service);
    }

    @Bean
    ErasureController erasureController(PrivacyAudit audit) {
        return new ErasureController(audit);
    }

    @Bean
    @ConditionalOnBean(PersonalDataSource.class)
    PersonalDataController personalDataController(PersonalDataSource source, PrivacyAudit audit,
            @Value("${spring.application.name}") String service) {
        return new PersonalDataController(source, audit, service);
    }

    /** The defaults of platform-defaults.properties decode to "local-only-…": fine locally, never in production. */
    private static void warnIfLocal(String secret, String variable) {
        if (secret != null && new String(java.util.Base64.getDecoder().decode(secret.trim()),
                java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("local-only-")) {
            org.slf4j.LoggerFactory.getLogger(PrivacyAutoConfiguration.class)
                    .warn("{} is the local development default: set it from a secret outside the local stack", variable);
        }
    }
}
