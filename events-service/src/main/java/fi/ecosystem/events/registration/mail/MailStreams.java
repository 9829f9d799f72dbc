package fi.ecosystem.events.registration.mail;

/**
 * Jakarta Mail 2.1 finds its stream provider with a {@code ServiceLoader} each time a MIME part is created, written
 * or encoded (jakartaee/mail-api#699, #861): a search of every jar of the application, several times per mail. In
 * the registration burst that was about a tenth of events-service's CPU. Named by the system property that Jakarta
 * Mail reads first, the provider is one lookup of an already loaded class.
 */
public final class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() {
    }

    /** Names Angus Mail's provider, unless the property is set already (an operator's choice stays). */
    public static void named() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
