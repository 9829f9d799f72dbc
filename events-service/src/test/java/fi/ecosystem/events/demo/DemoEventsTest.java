package fi.ecosystem.events.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.EventStatus;
import fi.ecosystem.events.registration.EventsApiTestSupport;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.events.registration.RegistrationStatus;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.testing.ProjectsTopic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The seeds' events load through the real use cases, once, with held events closed and a full one waitlisting. */
class DemoEventsTest extends EventsApiTestSupport {

    @Autowired
    EventService events;
    @Autowired
    RegistrationService registrations;
    @Autowired
    ProjectAccessDirectory projects;

    @Test
    void theSeedsEventsLoadOnceWithAttendanceAndAWaitingList() {
        ProjectsTopic.announce(kafka.getBrokersAsString(), mongo, DemoEvents.REGIONAL_TOWNS, "Seutukaupungit",
                List.of("iisalmi", "savonlinna", "raahe"));
        DemoEvents demo = new DemoEvents(events, registrations, projects);

        demo.load();
        demo.load();

        List<Event> loaded = mongo.findAll(Event.class);
        assertThat(loaded).extracting(event -> event.title().in("en")).containsExactlyInAnyOrder("Boost your Business",
                "Growth programme: going international", "Webinar: innovation ecosystems of regional towns",
                "Seminar: working with universities", "Webinar: the Invest-in tool");
        Event boost = byTitle(loaded, "Boost your Business");
        assertThat(boost.status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(boost.organisingCity()).isEqualTo("espoo");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(boost, RegistrationStatus.NO_SHOW) == 6);
        assertThat(count(boost, RegistrationStatus.ATTENDED)).isEqualTo(18);

        Event seminar = byTitle(loaded, "Seminar: working with universities");
        assertThat(seminar.organisingCity()).isEqualTo("savonlinna");
        assertThat(seminar.contact().email()).endsWith("@example.org"); // the public pages name whom to ask
        assertThat(count(seminar, RegistrationStatus.CONFIRMED)).isEqualTo(20);
        assertThat(count(seminar, RegistrationStatus.WAITLISTED)).isEqualTo(4);
        assertThat(mongo.find(new Query(), Registration.class)).allSatisfy(registration ->
                assertThat(registration.email()).endsWith("@example.org"));

        Event programme = byTitle(loaded, "Growth programme: going international");
        List<Registration> participants = mongo.find(new Query(Criteria.where("eventId").is(programme.id())), Registration.class);
        assertThat(participants).hasSize(12);
        assertThat(participants.stream().filter(registration -> programme.completedBy(registration.attendedSessions())))
                .hasSizeBetween(1, 11);
    }

    static Event byTitle(List<Event> events, String title) {
        return events.stream().filter(event -> event.title().in("en").equals(title)).findFirst().orElseThrow();
    }

    long count(Event event, RegistrationStatus status) {
        return mongo.count(new Query(Criteria.where("eventId").is(event.id()).and("status").is(status.name())), Registration.class);
    }
}
