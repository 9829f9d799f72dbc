package fi.ecosystem.events.registration.mail;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationStore;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    private final RegistrationStore registrations;
    private final RegistrationMails mails;
    private final Duration before;

    RegistrationReminders(EventService events, RegistrationStore registrations, RegistrationMails mails,
            @Value("${ecosystem.events.reminders.before:P1D}") Duration before) {
        this.events = events;
        this.registrations = registrations;
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
        while (true) {
            Registration claimed = registrations.claimReminder(event.id(), session.id());
            if (claimed == null) {
                return sent;
            }
            try {
                mails.send(RegistrationMails.REMINDER, claimed, event);
                sent++;
            } catch (RuntimeException mailFailed) {
                log.warn("Reminder of session {} to registration {} failed; tried again next round", session.id(),
                        claimed.id(), mailFailed);
                registrations.releaseReminder(claimed.id(), session.id());
                return sent;
            }
        }
    }
}
