package fi.ecosystem.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** Every text of the pages the gateway writes (sign-in, errors, 503) is in Finnish, Swedish and English. */
class GatewayMessagesTest {

    @Test
    void everyGatewayTextIsInAllThreeLanguages() {
        assertThat(MessageBundles.assertEveryTextInEveryLanguage("i18n/messages").stringPropertyNames())
                .contains("signin.title", "error.service-unavailable.title", "error.404.text");
    }
}
