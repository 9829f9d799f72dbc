package fi.ecosystem.events.registration.mail;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationStatus;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds people with a place of each session a while before it starts ({@code ecosystem.events.reminders.before},
 * a day by default). Every replica runs this; a registration is claimed for a session in one guarded write
 * before its mail goes, so each person gets one reminder per session. A mail that fails gives the claim back
 * and is tried again on the next round.
 */
@Component
public class RegistrationReminders {

    private static final Logger log = LoggerFactory.getLogger(RegistrationReminders.class);

    private final EventService events;
    private final MongoTemplate mongo;
    private final RegistrationMails mails;
    private final Duration before;

    RegistrationReminders(EventService events, MongoTemplate mongo, RegistrationMails mails,
            @Value("${ecosystem.events.reminders.before:P1D}") Duration before) {
        this.events = events;
        this.mongo = mongo;
        this.mails = mails;
        this.before = before;
    }

    @Scheduled(fixedDelayString = "${ecosystem.events.reminders.every:PT5M}", initialDelayString = "PT30S")
    void remindOfSessionsSoon() {
        remind(Instant.now());
    }

    /** Sends the reminders due at this moment; returns how many went. */
    public int remind(Instant now) {
        int sent = 0;
        for (Event event : events.withSessionsStartingBetween(now, now.plus(before))) {
            for (Session session : event.sessions()) {
                if (session.startsAt().isAfter(now) && !session.startsAt().isAfter(now.plus(before))) {
                    sent += remind(event, session);
                }
            }
        }
        return sent;
    }

    private int remind(Event event, Session session) {
        int sent = 0;
        Query due = new Query(Criteria.where("eventId").is(event.id())
                .and("status").in(RegistrationStatus.CONFIRMED.name(), RegistrationStatus.ATTENDED.name())
                .and("remindedSessions").ne(session.id()));
        while (true) {
            Registration claimed = mongo.findAndModify(due, new Update().addToSet("remindedSessions", session.id()),
                    FindAndModifyOptions.options().returnNew(true), Registration.class);
            if (claimed == null) {
                return sent;
            }
            try {
                mails.send(RegistrationMails.REMINDER, claimed, event);
                sent++;
            } catch (RuntimeException mailFailed) {
                log.warn("Reminder of session {} to registration {} failed; tried again next round", session.id(),
                        claimed.id(), mailFailed);
                mongo.updateFirst(new Query(Criteria.where("_id").is(claimed.id())),
                        new Update().pull("remindedSessions", session.id()), Registration.class);
                return sent;
            }
        }
    }
}
