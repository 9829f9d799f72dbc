package fi.ecosystem.events.registration.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailStreamsTest {

    /** Counts the searches for the stream provider's service file, which go through every jar. */
    private static final class CountingLoader extends ClassLoader {
        final AtomicInteger searches = new AtomicInteger();

        CountingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.endsWith(MailStreams.PROPERTY)) {
                searches.incrementAndGet();
            }
            return super.getResources(name);
        }
    }

    @Test
    void namedProviderIsFoundWithoutSearchingTheJars() throws Exception {
        String before = System.getProperty(MailStreams.PROPERTY);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        CountingLoader loader = new CountingLoader(original);
        thread.setContextClassLoader(loader);
        try {
            System.clearProperty(MailStreams.PROPERTY);
            for (int i = 0; i < 5; i++) {
                new MimeMultipart("mixed");
            }
            assertThat(loader.searches).as("without the name: a search per multipart").hasValueGreaterThanOrEqualTo(5);

            loader.searches.set(0);
            MailStreams.named();
            for (int i = 0; i < 5; i++) {
                new MimeMultipart("mixed");
            }
            assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
            assertThat(loader.searches).as("named: no search").hasValue(0);
        } finally {
            thread.setContextClassLoader(original);
            if (before == null) {
                System.clearProperty(MailStreams.PROPERTY);
            } else {
                System.setProperty(MailStreams.PROPERTY, before);
            }
        }
    }

    @Test
    void anOperatorsChoiceStays() {
        String before = System.getProperty(MailStreams.PROPERTY);
        try {
            System.setProperty(MailStreams.PROPERTY, "com.example.OwnProvider");
            MailStreams.named();
            assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("com.example.OwnProvider");
        } finally {
            if (before == null) {
                System.clearProperty(MailStreams.PROPERTY);
            } else {
                System.setProperty(MailStreams.PROPERTY, before);
            }
        }
    }
}
