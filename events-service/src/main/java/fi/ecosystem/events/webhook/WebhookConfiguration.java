package fi.ecosystem.events.webhook;

import fi.ecosystem.platform.privacy.PersonalDataSeal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The webhooks' parts, with their settings ({@link WebhookSettings}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    WebhookFanOut webhookFanOut(WebhookStore store, WebhookSettings settings) {
        return new WebhookFanOut(store, settings.retry());
    }

    @Bean
    WebhookSender webhookSender(WebhookSettings settings) {
        return new WebhookSender(settings.connectTimeout(), settings.readTimeout(), settings.targets());
    }

    @Bean(destroyMethod = "shutdown")
    WebhookDispatcher webhookDispatcher(WebhookStore store, WebhookSender sender, WebhookSettings settings, WebhookMails mails,
            JsonMapper json, ObjectProvider<PersonalDataSeal> seal) {
        return new WebhookDispatcher(store, sender, settings.retry(), mails, json, seal.getIfAvailable(), settings.lease(),
                settings.workers());
    }
}
