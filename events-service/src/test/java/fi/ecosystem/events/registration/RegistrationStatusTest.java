package fi.ecosystem.events.registration;

import static fi.ecosystem.events.registration.RegistrationStatus.ATTENDED;
import static fi.ecosystem.events.registration.RegistrationStatus.CANCELLED;
import static fi.ecosystem.events.registration.RegistrationStatus.CONFIRMED;
import static fi.ecosystem.events.registration.RegistrationStatus.NO_SHOW;
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
                List.of(), "hash", List.of("helsinki"));

        assertThatThrownBy(() -> waiting.moved(ATTENDED, "main", List.of("helsinki")))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(waiting.moved(CONFIRMED, null, List.of("helsinki")).type()).isEqualTo(RegistrationChanged.PROMOTED);
        assertThatThrownBy(() -> waiting.checkIn("main", true)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("Only people with a place");
    }
}
