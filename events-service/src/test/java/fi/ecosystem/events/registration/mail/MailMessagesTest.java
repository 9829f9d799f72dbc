package fi.ecosystem.events.registration.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the mails exists in Finnish, Swedish and English, and the default bundle is the Finnish one. */
class MailMessagesTest {

    @Test
    void everyMailTextIsInAllThreeLanguages() throws IOException {
        Properties fi = load("_fi");
        assertThat(fi.stringPropertyNames()).contains("mail.registration.confirmed.subject", "mail.link", "mail.dateTime");
        for (String bundle : new String[] {"_sv", "_en", ""}) {
            Properties other = load(bundle);
            assertThat(other.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(fi.stringPropertyNames());
            other.forEach((key, text) -> assertThat(String.valueOf(text)).as(bundle + " " + key).isNotBlank());
        }
        assertThat(load("")).isEqualTo(fi);
    }

    private static Properties load(String suffix) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MailMessagesTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
