package fi.ecosystem.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one check of a message bundle (the web UI's, the mails', the gateway's pages'): Finnish, Swedish and English
 * have the same keys, none blank, and the default bundle is the Finnish one.
 */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** @param basename as Spring's {@code spring.messages.basename}, e.g. {@code i18n/messages} */
    public static Properties assertEveryTextInEveryLanguage(String basename) {
        Properties fi = load(basename + "_fi");
        assertThat(fi).as(basename + "_fi").isNotEmpty();
        for (String bundle : new String[] {basename + "_sv", basename + "_en", basename}) {
            Properties other = load(bundle);
            assertThat(other.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(fi.stringPropertyNames());
            other.forEach((key, text) -> assertThat(String.valueOf(text)).as(bundle + " " + key).isNotBlank());
        }
        assertThat(load(basename)).as("the default bundle is the Finnish one").isEqualTo(fi);
        return fi;
    }

    /** The bundle as the application reads it (UTF-8, no fallback to the machine's language), for tests without a context. */
    public static ResourceBundleMessageSource source(String basename) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename(basename);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties load(String bundle) {
        Properties messages = new Properties();
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(bundle + ".properties")) {
            assertThat(in).as(bundle + ".properties").isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
