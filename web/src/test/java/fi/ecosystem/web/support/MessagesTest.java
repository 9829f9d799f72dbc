package fi.ecosystem.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** Every UI text exists in Finnish, Swedish and English. */
class MessagesTest {

    @Test
    void everyTextIsInAllThreeLanguages() {
        assertThat(MessageBundles.assertEveryTextInEveryLanguage("i18n/messages").stringPropertyNames())
                .contains("event.privacyNotice", "format.clock", "field.contact-phone-invalid");
    }
}
