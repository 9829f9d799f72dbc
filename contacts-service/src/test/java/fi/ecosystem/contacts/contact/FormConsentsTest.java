package fi.ecosystem.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consents ticked on registration forms: every text the person agreed to, but not one record per registration. */
class FormConsentsTest {

    static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

    static RegistrationChanged registration(String id, String project, String policyVersion, Instant at) {
        return new RegistrationChanged(id, "event-" + id, project, "CONFIRMED", null,
                new RegistrationChanged.Participant("kalle@example.org", "Kalle", "Kävijä", null, null, "fi"), at, null,
                List.of(new RegistrationChanged.Consent("NEWSLETTER", policyVersion, "https://ecosystem.example.org/privacy", at)));
    }

    @Test
    void theSameTextTickedAgainInTheSameProjectAddsNothingWhileTheConsentIsInForce() {
        Contact person = Contact.named("c-1", "kalle@example.org", T0);
        for (int i = 0; i < 50; i++) {
            person.participated(registration("r-" + i, "hri", "2026-01", T0.plusSeconds(i)), T0.plusSeconds(i));
        }
        assertThat(person.consents()).singleElement().satisfies(consent -> {
            assertThat(consent.id()).isEqualTo("registration-r-0-newsletter");
            assertThat(consent.scope()).isEqualTo("hri");
        });

        // another project's form, and a new text, are consents of their own
        person.participated(registration("r-towns", "towns", "2026-01", T0.plusSeconds(60)), T0.plusSeconds(60));
        person.participated(registration("r-new-text", "hri", "2027-01", T0.plusSeconds(70)), T0.plusSeconds(70));
        assertThat(person.consents()).extracting(Consent::id).containsExactly("registration-r-0-newsletter",
                "registration-r-towns-newsletter", "registration-r-new-text-newsletter");

        // withdrawn, then ticked again: a new record, the withdrawn one stays
        person.withdrawConsent("registration-r-0-newsletter", "Kalle Kävijä", T0.plusSeconds(80));
        person.participated(registration("r-again", "hri", "2026-01", T0.plusSeconds(90)), T0.plusSeconds(90));
        assertThat(person.consents()).extracting(Consent::id).contains("registration-r-0-newsletter",
                "registration-r-again-newsletter").hasSize(4);
    }
}
