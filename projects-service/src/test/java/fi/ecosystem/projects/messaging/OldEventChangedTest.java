package fi.ecosystem.projects.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.contracts.events.EventChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Events published before EventChanged carried excludedFromReports still read, as counted in reports. */
class OldEventChangedTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEventWithoutTheFlagCountsInReports() {
        EventChanged old = json.readValue("""
                {"eventId": "e-1", "projectId": "p-1", "eventType": "WEBINAR", "status": "COMPLETED",
                 "organisingCity": "espoo", "capacity": 20, "startsAt": "2026-03-02T08:00:00Z"}""", EventChanged.class);

        assertThat(old.excludedFromReports()).isFalse();
        assertThat(old.eventId()).isEqualTo("e-1");
    }

    @Test
    void anEventWithTheFlagKeepsIt() {
        EventChanged excluded = json.readValue("""
                {"eventId": "e-2", "projectId": "p-1", "eventType": "WEBINAR", "status": "COMPLETED",
                 "organisingCity": "espoo", "capacity": 20, "excludedFromReports": true}""", EventChanged.class);

        assertThat(excluded.excludedFromReports()).isTrue();
    }
}
