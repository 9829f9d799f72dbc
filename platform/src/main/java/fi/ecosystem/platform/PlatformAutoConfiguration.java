package fi.ecosystem.platform;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.messaging.EventTracing;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.messaging.OutboxRelay;
import fi.ecosystem.platform.messaging.PoisonMessageException;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.privacy.ErasureController;
import fi.ecosystem.platform.privacy.KeyEncryptionKeys;
import fi.ecosystem.platform.privacy.KeyRewrap;
import fi.ecosystem.platform.privacy.PersonalDataController;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.privacy.PersonalDataSource;
import fi.ecosystem.platform.privacy.PersonalDataSeal;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.projectaccess.ProjectsTopicListener;
import fi.ecosystem.platform.security.ApiTokens;
import fi.ecosystem.platform.security.CityUserArgumentResolver;
import fi.ecosystem.platform.security.CityUserAuthentication;
import fi.ecosystem.platform.security.ProblemSecurityHandlers;
import fi.ecosystem.platform.web.ProblemDetailsAdvice;
import fi.ecosystem.platform.web.RequestBodyLimitFilter;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Wires the platform into every service: security, problem+json, outbox, inbox and dead-letter handling. */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    /** Public paths every service may have: health for the orchestrator, API docs, the public pages' API. */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
        "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/public/**",
        "/error"};

    @Configuration(proxyBeanMethods = false)
    static class SecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder jwtDecoder(PlatformProperties properties) {
            PlatformProperties.Security security = properties.security();
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
            decoder.setJwtValidator(ApiTokens.validator(security.issuerUri(), security.clockSkew(), security.audience(),
                    security.clients()));
            return decoder;
        }

        /**
         * Services are stateless resource servers: the browser session and its CSRF protection live at the
         * gateway, which relays the token. Every service checks the token itself (not only the gateway).
         */
        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain platformSecurity(HttpSecurity http) throws Exception {
            ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
            http.csrf(csrf -> csrf.disable())
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(requests -> requests.requestMatchers(OPEN_PATHS).permitAll()
                            .anyRequest().authenticated())
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(new CityUserAuthentication()))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems))
                    .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems));
            return http.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WebConfiguration implements WebMvcConfigurer {

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CityUserArgumentResolver());
        }

        @Bean
        @ConditionalOnMissingBean
        io.swagger.v3.oas.models.OpenAPI openApi(@Value("${springdoc.info.title:${spring.application.name}}") String title,
                PlatformProperties properties) {
            return fi.ecosystem.platform.web.ApiDocs.openApi(title, properties.security().issuerUri());
        }

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties properties) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration =
                    new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.web().maxBodySize()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }

    /** On in every service; off in modules without a store of their own (the web UI). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ecosystem.messaging.enabled", havingValue = "true", matchIfMissing = true)
    static class MessagingConfiguration {

        /** Consumers read envelopes tolerantly: unknown fields are how producers evolve within a version. */
        @Bean
        Inbox inbox(MongoTemplate mongo, JsonMapper json, PlatformProperties properties,
                ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters, PersonalDataSeal seal) {
            return new Inbox(mongo, json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(),
                    properties.inbox().retention(), meters.getIfAvailable(), seal);
        }

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

        /** The defaults of platform-defaults.properties decode to "local-only-…": fine locally, never in production. */
        private static void warnIfLocal(String secret, String variable) {
            if (secret != null && new String(java.util.Base64.getDecoder().decode(secret.trim()),
                    java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("local-only-")) {
                org.slf4j.LoggerFactory.getLogger(PlatformAutoConfiguration.class)
                        .warn("{} is the local development default: set it from a secret outside the local stack", variable);
            }
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

        @Bean
        EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                    propagator.getIfAvailable(() -> Propagator.NOOP));
        }

        @Bean
        OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, JsonMapper json,
                PlatformProperties properties, @Value("${spring.application.name}") String source, EventTracing tracing) {
            PlatformProperties.Outbox outbox = properties.outbox();
            OutboxRelay relay = new OutboxRelay(mongo, kafka, json, outbox.collections() == null ? List.of() : outbox.collections(),
                    source, outbox.pollInterval(), outbox.sendTimeout(),
                    outbox.fullScanInterval() == null ? Duration.ofMinutes(2) : outbox.fullScanInterval());
            relay.setTracing(tracing);
            return relay;
        }

        /** Each event keeps the trace context of the request that caused it (see {@link EventTracing}). */
        @Bean
        Outbox outbox(JsonMapper json, ObjectProvider<OutboxRelay> relay, EventTracing tracing, PersonalDataSeal seal) {
            return new Outbox(json, () -> relay.ifAvailable(OutboxRelay::wake),
                    key -> relay.ifAvailable(available -> available.hint(key)), tracing::currentTraceparent, seal);
        }

        /**
         * Retries a failing message a few times, then parks it on {@code <topic>.dlt} and carries on with
         * the next one; poison (unreadable) messages are parked at once.
         */
        @Bean
        DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                    (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
            DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 2));
            handler.addNotRetryableExceptions(PoisonMessageException.class);
            return handler;
        }

        @Bean
        KafkaAdmin.NewTopics platformTopics(PlatformProperties properties) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                topics.add(TopicBuilder.name(topic).partitions(properties.kafka().partitions())
                        .replicas(properties.kafka().replicationFactor()).build());
                topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1)
                        .replicas(properties.kafka().replicationFactor()).build());
            }
            return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
        }
    }

    /** The project read model for services that apply the access rule to things belonging to projects. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ecosystem.project-access.enabled", havingValue = "true")
    static class ProjectAccessConfiguration {

        @Bean
        ProjectAccessDirectory projectAccessDirectory(MongoTemplate mongo) {
            return new ProjectAccessDirectory(mongo);
        }

        @Bean
        ProjectsTopicListener projectsTopicListener(Inbox inbox, ProjectAccessDirectory directory) {
            return new ProjectsTopicListener(inbox, directory);
        }
    }
}
