package fi.ecosystem.events.registration;

import java.util.List;
import java.util.Map;

/** Registrations for tests outside this package (an Object Mother): the factory itself stays package-private. */
public final class Registrations {

    private Registrations() {
    }

    public static Registration confirmed(String eventId, String email, String firstName, String language) {
        return Registration.of("r-" + firstName.toLowerCase(), eventId, "kasvun-ekosysteemit",
                new Participant(email, firstName, "Esimerkki", null, null, language),
                RegistrationStatus.CONFIRMED, null, Map.of(), List.of(), "hash-" + email, null, List.of());
    }
}
