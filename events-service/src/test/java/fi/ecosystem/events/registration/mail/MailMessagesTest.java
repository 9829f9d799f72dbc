package fi.ecosystem.events.registration.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** Every text of the mails exists in Finnish, Swedish and English, and the default bundle is the Finnish one. */
class MailMessagesTest {

    @Test
    void everyMailTextIsInAllThreeLanguages() {
        assertThat(MessageBundles.assertEveryTextInEveryLanguage("i18n/messages").stringPropertyNames())
                .contains("mail.registration.confirmed.subject", "mail.link", "mail.dateTime");
    }
}
