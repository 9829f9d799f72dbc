package fi.ecosystem.contracts;

import java.util.List;

/**
 * The Kafka topics between the services: one per producing aggregate, keyed by the aggregate id.
 * Every topic has a dead-letter twin where consumers park messages they cannot read.
 */
public final class Topics {

    public static final String PROJECTS = "projects";
    public static final String CONTACTS = "contacts";
    public static final String ORGANISATIONS = "organisations";
    public static final String EVENTS = "events";
    public static final String REGISTRATIONS = "registrations";

    public static final List<String> ALL = List.of(PROJECTS, CONTACTS, ORGANISATIONS, EVENTS, REGISTRATIONS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
