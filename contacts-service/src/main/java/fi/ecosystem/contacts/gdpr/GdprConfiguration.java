package fi.ecosystem.contacts.gdpr;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OtherServices.Settings.class)
class GdprConfiguration {
}
