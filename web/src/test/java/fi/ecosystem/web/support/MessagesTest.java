package fi.ecosystem.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every UI text exists in Finnish, Swedish and English. */
class MessagesTest {

    @Test
    void everyTextIsInAllThreeLanguages() throws IOException {
        Properties fi = load("fi");
        for (String language : new String[] {"sv", "en"}) {
            Properties other = load(language);
            assertThat(other.stringPropertyNames()).as(language).containsExactlyInAnyOrderElementsOf(fi.stringPropertyNames());
            other.forEach((key, text) -> assertThat(String.valueOf(text)).as(language + " " + key).isNotBlank());
        }
        assertThat(load("").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(fi.stringPropertyNames());
    }

    private static Properties load(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages" + (language.isEmpty() ? "" : "_" + language) + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
