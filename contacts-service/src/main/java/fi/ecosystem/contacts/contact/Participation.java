package fi.ecosystem.contacts.contact;

import java.time.Instant;

/** One line of a person's participation history: their registration to an event and its latest state. */
public record Participation(String registrationId, String eventId, String projectId, String status, Instant at) {
}
