package fi.ecosystem.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the pages the gateway writes (sign-in, errors, 503) is in Finnish, Swedish and English. */
class GatewayMessagesTest {

    @Test
    void everyGatewayTextIsInAllThreeLanguages() throws IOException {
        Properties fi = load("_fi");
        assertThat(fi.stringPropertyNames()).contains("signin.title", "error.service-unavailable.title", "error.404.text");
        for (String bundle : new String[] {"_sv", "_en", ""}) {
            Properties other = load(bundle);
            assertThat(other.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(fi.stringPropertyNames());
            other.forEach((key, text) -> assertThat(String.valueOf(text)).as(bundle + " " + key).isNotBlank());
        }
        assertThat(load("")).isEqualTo(fi);
    }

    private static Properties load(String suffix) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = GatewayMessagesTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
