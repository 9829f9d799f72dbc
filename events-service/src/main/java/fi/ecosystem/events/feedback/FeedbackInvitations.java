package fi.ecosystem.events.feedback;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the survey to the attendees (checked-in registrations) of events whose last session has ended. Every
 * replica runs this; an event's round is claimed with one atomic write (insert, or find-and-modify of an expired
 * lease), and each attendee's invitation is an insert the unique index lets happen once, so a person gets one
 * survey per event. A mail that fails takes its invitation back and leaves the round to the next run.
 * Events that ended longer than {@code ecosystem.events.feedback.within} ago (30 days) are not surveyed; an event's
 * round is done {@code check-in-grace} (2 days) after its end, so people checked in after the end are asked too.
 */
@Component
public class FeedbackInvitations {

    private static final Logger log = LoggerFactory.getLogger(FeedbackInvitations.class);

    private final MongoTemplate mongo;
    private final FeedbackMails mails;
    private final Duration within;
    private final Duration lease;
    private final Duration checkInGrace;

    FeedbackInvitations(MongoTemplate mongo, FeedbackMails mails,
            @Value("${ecosystem.events.feedback.within:P30D}") Duration within,
            @Value("${ecosystem.events.feedback.lease:PT10M}") Duration lease,
            @Value("${ecosystem.events.feedback.check-in-grace:P2D}") Duration checkInGrace) {
        this.mongo = mongo;
        this.mails = mails;
        this.within = within;
        this.lease = lease;
        this.checkInGrace = checkInGrace;
    }

    @Scheduled(fixedDelayString = "${ecosystem.events.feedback.every:PT5M}", initialDelayString = "${ecosystem.events.feedback.first:PT45S}")
    void inviteAfterEndedEvents() {
        invite(Instant.now());
    }

    /** Invites the attendees of the events ended by this moment; returns how many surveys went. */
    public int invite(Instant now) {
        Query ended = new Query(Criteria.where("endsAt").lte(now).gt(now.minus(within))
                .and("status").in(EventStatus.PUBLISHED, EventStatus.COMPLETED));
        ended.fields().include("_id");
        List<String> endedIds = mongo.find(ended, Document.class, "events").stream().map(event -> event.getString("_id")).toList();
        // the rounds done already are skipped with one read, not a failed claim each
        Query done = new Query(Criteria.where("_id").in(endedIds).and("doneAt").ne(null));
        done.fields().include("_id");
        java.util.Set<String> surveyed = new java.util.HashSet<>();
        mongo.find(done, Document.class, "feedbackRounds").forEach(round -> surveyed.add(round.getString("_id")));
        int sent = 0;
        for (String eventId : endedIds) {
            if (!surveyed.contains(eventId) && claim(eventId, now)) {
                sent += inviteAttendees(mongo.findById(eventId, Event.class), now);
            }
        }
        return sent;
    }

    private boolean claim(String eventId, Instant now) {
        // a round whose lease was given back (unset) is free again, as is an expired one
        Document round = new Document("_id", eventId).append("claimedUntil", now.plus(lease));
        try {
            mongo.insert(round, "feedbackRounds");
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            Query free = new Query(Criteria.where("_id").is(eventId).and("doneAt").is(null).orOperator(
                    Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now)));
            return mongo.findAndModify(free, new Update().set("claimedUntil", now.plus(lease)),
                    FindAndModifyOptions.options().returnNew(true), Document.class, "feedbackRounds") != null;
        }
    }

    private int inviteAttendees(Event event, Instant now) {
        int sent = 0;
        Query attendees = new Query(Criteria.where("eventId").is(event.id()).and("status").is("ATTENDED"))
                .with(Sort.by("createdAt", "_id"));
        try (Stream<Document> registrations = mongo.stream(attendees, Document.class, "registrations")) {
            for (Document registration : (Iterable<Document>) registrations::iterator) {
                String email = registration.getString("email");
                if (email == null) { // erased: nobody to ask
                    continue;
                }
                String token = FeedbackTokens.next();
                FeedbackInvitation invitation = FeedbackInvitation.of(UUID.randomUUID().toString(), event.id(),
                        event.projectId(), registration.getString("_id"), registration.getString("emailHash"),
                        language(registration.getString("language")), FeedbackTokens.hash(token), now);
                try {
                    mongo.insert(invitation);
                } catch (DuplicateKeyException invitedBefore) {
                    continue;
                }
                try {
                    mails.send(email, registration.getString("firstName"), invitation.language(), event, token);
                    sent++;
                } catch (RuntimeException mailFailed) {
                    log.warn("The survey of event {} to registration {} failed; tried again next run", event.id(),
                            invitation.registrationId(), mailFailed);
                    mongo.remove(invitation);
                    mongo.updateFirst(new Query(Criteria.where("_id").is(event.id())), new Update().unset("claimedUntil"),
                            "feedbackRounds");
                    return sent;
                }
            }
        }
        // organisers often check people in after the end: the round stays open (its lease given back) for a while
        Update after = event.endsAt().plus(checkInGrace).isBefore(now) ? new Update().set("doneAt", now)
                : new Update().unset("claimedUntil");
        mongo.updateFirst(new Query(Criteria.where("_id").is(event.id())), after, "feedbackRounds");
        return sent;
    }

    private static String language(String language) {
        return List.of("fi", "sv", "en").contains(language) ? language : "fi";
    }
}
