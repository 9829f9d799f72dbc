package fi.ecosystem.events.feedback;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One attendee's survey after an event, and their answer once given: one document per person per event (the
 * unique index is what makes the invitation go once, whichever replica inserts it first). Only the hash of the
 * survey link's token is kept, as a password would be. The answer is written once, by a guarded update.
 */
@Document("feedbackInvitations")
@CompoundIndexes({
    @CompoundIndex(name = "one_per_registration", def = "{'eventId': 1, 'registrationId': 1}", unique = true),
    // an event's answers in the order they came: the organiser's list and the average
    @CompoundIndex(name = "answers_in_order", def = "{'eventId': 1, 'answeredAt': 1}"),
    // a project's figures across its events
    @CompoundIndex(name = "of_project", def = "{'projectId': 1, 'eventId': 1}")
})
public class FeedbackInvitation {

    @Id
    private String id;
    private String eventId;
    private String projectId;
    private String registrationId;
    /** The keyed hash of the attendee's address: finds their answers for their export and their erasure. */
    @Indexed(sparse = true)
    private String emailHash;
    private String language;
    @Indexed(unique = true)
    private String tokenHash;
    private Instant invitedAt;
    private Instant answeredAt;
    private Integer score;
    /** Personal data: erased with the person, while the score stays for the event's average. */
    private String text;

    protected FeedbackInvitation() {
    }

    static FeedbackInvitation of(String id, String eventId, String projectId, String registrationId, String emailHash,
            String language, String tokenHash, Instant invitedAt) {
        FeedbackInvitation invitation = new FeedbackInvitation();
        invitation.id = id;
        invitation.eventId = eventId;
        invitation.projectId = projectId;
        invitation.registrationId = registrationId;
        invitation.emailHash = emailHash;
        invitation.language = language;
        invitation.tokenHash = tokenHash;
        invitation.invitedAt = invitedAt;
        return invitation;
    }

    public String id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String projectId() {
        return projectId;
    }

    public String registrationId() {
        return registrationId;
    }

    public String language() {
        return language;
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Integer score() {
        return score;
    }

    public String text() {
        return text;
    }

    public boolean answered() {
        return answeredAt != null;
    }
}
