package fi.ecosystem.events.feedback;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The survey round of one ended event (its id is the event's): a replica claims it with one atomic
 * find-and-modify before inviting the attendees, for a lease; when every invitation went it is done. A replica
 * that stopped mid-round leaves the lease to expire and another one finishes it.
 */
@Document("feedbackRounds")
class FeedbackRound {

    @Id
    private String id;
    private Instant claimedUntil;
    private Instant doneAt;

    protected FeedbackRound() {
    }
}
