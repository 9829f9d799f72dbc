package fi.ecosystem.events.registration;

import static fi.ecosystem.events.registration.RegistrationStatus.ATTENDED;
import static fi.ecosystem.events.registration.RegistrationStatus.CANCELLED;
import static fi.ecosystem.events.registration.RegistrationStatus.CONFIRMED;
import static fi.ecosystem.events.registration.RegistrationStatus.NO_SHOW;
import static fi.ecosystem.events.registration.RegistrationStatus.OFFERED;
import static fi.ecosystem.events.registration.RegistrationStatus.WAITLISTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registration's status rules, in their one place: which status becomes which, with which event. */
class RegistrationStatusTest {

    @Test
    void aPlaceComesFromTheWaitingListOnlyByPromotionAndACancelledRegistrationStaysCancelled() {
        assertThat(WAITLISTED.mayBecome(CONFIRMED)).isTrue();
        assertThat(WAITLISTED.eventTypeOfMoveTo(CONFIRMED)).isEqualTo(RegistrationChanged.PROMOTED);
        assertThat(WAITLISTED.mayBecome(ATTENDED)).as("no check-in without a place").isFalse();
        assertThat(CONFIRMED.mayBecome(WAITLISTED)).isFalse();
        assertThat(CONFIRMED.eventTypeOfMoveTo(CANCELLED)).isEqualTo(RegistrationChanged.CANCELLED);
        assertThat(CONFIRMED.eventTypeOfMoveTo(NO_SHOW)).isEqualTo(RegistrationChanged.NO_SHOW);
        for (RegistrationStatus any : RegistrationStatus.values()) {
            assertThat(CANCELLED.mayBecome(any)).as("cancelled → " + any).isFalse();
        }
    }

    @Test
    void anOfferComesOnlyFromTheWaitingListAndEndsConfirmedOrCancelledEachWithItsEvent() {
        assertThat(WAITLISTED.mayBecome(OFFERED)).isTrue();
        assertThat(WAITLISTED.eventTypeOfMoveTo(OFFERED)).isEqualTo(RegistrationChanged.OFFERED);
        assertThat(CONFIRMED.mayBecome(OFFERED)).isFalse();
        assertThat(OFFERED.mayBecome(CONFIRMED)).isTrue();
        assertThat(OFFERED.eventTypeOfMoveTo(CONFIRMED)).isEqualTo(RegistrationChanged.OFFER_ACCEPTED);
        assertThat(OFFERED.eventTypeOfMoveTo(CANCELLED)).isEqualTo(RegistrationChanged.OFFER_DECLINED);
        assertThat(OFFERED.mayBecome(ATTENDED)).as("no check-in on an offer").isFalse();
        assertThat(OFFERED.mayBecome(WAITLISTED)).isFalse();
        assertThat(RegistrationStatus.eventTypeOfExpiry()).isEqualTo(RegistrationChanged.OFFER_EXPIRED);
        assertThat(OFFERED.takesAPlace()).isTrue();
        assertThat(WAITLISTED.takesAPlace()).isFalse();

        Registration confirmed = Registration.of("r-2", "ev-1", "kasvun-ekosysteemit",
                new Participant("eino@example.org", "Eino", "Esimerkki", null, null, "fi"), CONFIRMED, "self", Map.of(),
                List.of(), "hash", null, List.of("helsinki"));
        assertThatThrownBy(() -> confirmed.offered(java.time.Instant.now(), List.of("helsinki")))
                .isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> confirmed.offerExpired(List.of("helsinki"))).isInstanceOf(DomainRuleViolation.class);
        assertThat(confirmed.offerOpenAt(java.time.Instant.now())).isFalse();
    }

    @Test
    void aCheckInMovesBetweenAttendedAndNoShowAndASecondSessionIsSessionAttendance() {
        assertThat(NO_SHOW.mayBecome(ATTENDED)).isTrue();
        assertThat(ATTENDED.mayBecome(NO_SHOW)).isTrue();
        assertThat(CONFIRMED.eventTypeOfMoveTo(ATTENDED)).isEqualTo(RegistrationChanged.ATTENDED);
        assertThat(ATTENDED.eventTypeOfMoveTo(ATTENDED)).isEqualTo(RegistrationChanged.SESSION_ATTENDANCE);
    }

    @Test
    void aRegistrationRefusesAMoveOrACheckInTheRulesDoNotAllow() {
        Registration waiting = Registration.of("r-1", "ev-1", "kasvun-ekosysteemit",
                new Participant("aino@example.org", "Aino", "Esimerkki", null, null, "fi"), WAITLISTED, "self", Map.of(),
                List.of(), "hash", 1L, List.of("helsinki"));

        assertThatThrownBy(() -> waiting.moved(ATTENDED, "main", List.of("helsinki")))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(waiting.moved(CONFIRMED, null, List.of("helsinki")).type()).isEqualTo(RegistrationChanged.PROMOTED);
        assertThatThrownBy(() -> waiting.checkIn("main", true)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("Only people with a place");
    }
}
