package fi.ecosystem.projects.reporting;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One check-in of one registration to one session (or to the event, when it has no sessions). The person is
 * only their keyed e-mail hash (a random pseudonym once they are erased, see {@link Evidence#forget}): names and
 * addresses stay in the events and contacts services. A check-in that
 * was taken back stays as {@code withdrawn}, with the id of the last event that changed it, so a redelivered
 * toggle changes nothing.
 */
@Document("report_attendances")
@CompoundIndex(name = "by_project_event", def = "{'projectId': 1, 'eventId': 1}")
public record AttendanceFact(@Id String id, String projectId, String eventId, @Indexed String registrationId,
        String sessionId, @Indexed String personHash, String businessId, String organisationName, Instant attendedAt,
        Instant recordedAt, boolean withdrawn, String lastEventId) {

    static final String WHOLE_EVENT = "event";

    static String idOf(String registrationId, String sessionId) {
        return registrationId + "/" + (sessionId == null ? WHOLE_EVENT : sessionId);
    }
}
