package fi.ecosystem.events.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.platform.web.InvalidFields;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a freed place is offered (and until when) or given at once: the event's rule, at the edge of its start. */
class OfferDeadlineTest {

    static final Instant START = Instant.parse("2027-03-01T08:00:00Z");

    static Event event(Integer offerHours, List<Reminder> reminders) {
        return Event.draft("ev-offers", "kasvun-ekosysteemit", "helsinki", new EventDetails(EventType.WORKSHOP,
                new LocalizedText("Tarjouspaja", null, null), null, null, null, null, 10,
                List.of(new Session("main", null, START, null)), null, List.of(), null, null, null, null, false,
                BusinessIdAsked.NOT_ASKED, offerHours, reminders), List.of("helsinki"));
    }

    @Test
    void aPlaceIsOfferedWhileMoreThanTheOfferTimeIsLeftAndGivenAtOnceAfter() {
        Event offering = event(24, List.of());
        Instant earlier = START.minus(Duration.ofHours(25));
        assertThat(offering.offerDeadline(earlier)).isEqualTo(earlier.plus(Duration.ofHours(24)));
        assertThat(offering.offerDeadline(START.minus(Duration.ofHours(24)))).as("exactly the offer time left").isNull();
        assertThat(offering.offerDeadline(START.minus(Duration.ofHours(3)))).isNull();
        assertThat(event(null, List.of()).offerDeadline(earlier)).as("promotion at once").isNull();
    }

    @Test
    void offerHoursAndRemindersAreChecked() {
        assertThatThrownBy(() -> event(0, List.of())).isInstanceOf(InvalidFields.class)
                .satisfies(refused -> assertThat(((InvalidFields) refused).errors()).extracting(InvalidFields.FieldError::code)
                        .containsExactly("offer-hours"));
        assertThatThrownBy(() -> event(Event.MAX_OFFER_HOURS + 1, List.of())).isInstanceOf(InvalidFields.class);
        assertThatThrownBy(() -> event(null, List.of(new Reminder(null, 0, null)))).isInstanceOf(InvalidFields.class);
        List<Reminder> kept = event(null, List.of(new Reminder(null, 48, null), new Reminder(null, 2, null))).reminders();
        assertThat(kept).extracting(Reminder::hoursBefore).containsExactly(2, 48);
        assertThat(kept).allSatisfy(reminder -> assertThat(reminder.id()).matches("r[0-9a-f]{8}"));
    }
}
