package fi.ecosystem.events.registration.mail;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.Reminder;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds people with a place of each session before it starts: at the times the event's organisers set (each
 * with their extra text), or, when they set none, once a while before ({@code ecosystem.events.reminders.before},
 * a day by default). Every replica runs this; a registration is claimed for a reminder of a session in one guarded
 * write before its mail goes, so each person gets each reminder once. When several of a session's reminders are
 * due at once (an event made late), only the nearest is mailed and the others are claimed with it. A mail that
 * fails gives the claim back and is tried again on the next round.
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
        Duration furthest = before.compareTo(Reminder.MAX_HOURS_AHEAD) > 0 ? before : Reminder.MAX_HOURS_AHEAD;
        int sent = 0;
        for (Event event : events.withSessionsStartingBetween(now, now.plus(furthest))) {
            for (Session session : event.sessions()) {
                if (session.startsAt().isAfter(now)) {
                    sent += remind(event, session, now);
                }
            }
        }
        return sent;
    }

    private int remind(Event event, Session session, Instant now) {
        // the reminders whose time came, nearest to the start first; the default one is keyed by the session alone
        List<Reminder> due = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (event.reminders().isEmpty()) {
            if (!session.startsAt().isAfter(now.plus(before))) {
                due.add(null);
                keys.add(session.id());
            }
        } else {
            for (Reminder reminder : event.reminders()) {
                if (!session.startsAt().isAfter(now.plus(reminder.before()))) {
                    due.add(reminder);
                    keys.add(session.id() + "/" + reminder.id());
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Reminder nearest = due.get(0);
        String key = keys.get(0);
        List<String> alsoDue = keys.subList(1, keys.size());
        int sent = 0;
        while (true) {
            Registration claimed = registrations.claimReminder(event.id(), key, alsoDue);
            if (claimed == null) {
                return sent;
            }
            try {
                mails.sendReminder(claimed, event, nearest == null ? null : nearest.text());
                sent++;
            } catch (RuntimeException mailFailed) {
                log.warn("Reminder {} to registration {} failed; tried again next round", key, claimed.id(), mailFailed);
                registrations.releaseReminder(claimed.id(), key);
                return sent;
            }
        }
    }
}
