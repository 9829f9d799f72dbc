package fi.ecosystem.gateway.session;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/** Web sessions shared by all gateway replicas (cookie SESSION, HttpOnly, SameSite=Lax). */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

    @Bean
    MongoWebSessions sessionRepository(ReactiveMongoTemplate mongo,
            @Value("${ecosystem.gateway.session-idle-timeout:30m}") Duration idleTimeout) {
        return new MongoWebSessions(mongo, idleTimeout);
    }

    @Bean
    ApplicationRunner sessionIndexes(MongoWebSessions sessions) {
        // best effort: without the index sessions still expire on read, they are only removed later
        return args -> sessions.createIndexes().onErrorComplete().subscribe();
    }
}
