package fi.ecosystem.contacts.contact;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of a person's participation history as stored: a document of its own per registration (its id), so that
 * a person's record does not grow with every registration. Read by the person, latest last.
 */
@Document("participations")
@CompoundIndex(name = "by_contact", def = "{'contactId': 1, 'at': 1}")
record ParticipationLine(@Id String registrationId, String contactId, String eventId, String projectId, String status,
        Instant at) {

    static ParticipationLine of(String contactId, Participation line) {
        return new ParticipationLine(line.registrationId(), contactId, line.eventId(), line.projectId(), line.status(),
                line.at());
    }

    Participation participation() {
        return new Participation(registrationId, eventId, projectId, status, at);
    }
}
