package fi.ecosystem.events.registration.mail;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.platform.messaging.InboundEvent;
import fi.ecosystem.platform.messaging.PartlyHandledException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mails of the registration changes of one poll ({@link RegistrationMails#hasMail}), together: their
 * registrations read in one go, each event once, and the mails sent over one SMTP connection instead of one
 * connection each. When some are not sent, the ones sent are reported with a {@link PartlyHandledException}, so the
 * inbox marks them and only the others are tried again: nobody gets a mail twice.
 */
@Component
public class ChangeMails {

    private final RegistrationService registrations;
    private final RegistrationMails mails;

    ChangeMails(RegistrationService registrations, RegistrationMails mails) {
        this.registrations = registrations;
        this.mails = mails;
    }

    /** Mails each change to its registrant, in their order; a registration gone (erased) meanwhile gets none. */
    public void send(List<InboundEvent> changes) {
        // the ids are in clear: the participant comes from the registration, so no key is read
        Map<String, Registration> found = registrations.findForMail(changes.stream()
                .map(changed -> changed.clearPayload(RegistrationChanged.class).registrationId()).toList());
        Map<String, Event> events = new HashMap<>();
        List<InboundEvent> handled = new ArrayList<>();
        List<MimeMessage> messages = new ArrayList<>();
        List<InboundEvent> mailed = new ArrayList<>();
        for (InboundEvent changed : changes) {
            Registration registration = found.get(changed.clearPayload(RegistrationChanged.class).registrationId());
            if (registration == null || registration.email() == null) {
                handled.add(changed); // nobody to write to
                continue;
            }
            Event event = events.computeIfAbsent(registration.eventId(), id -> registrations.eventOf(registration));
            messages.add(mails.compose(changed.type(), registration, event));
            mailed.add(changed);
        }
        Map<MimeMessage, Exception> failed = mails.sendAll(messages);
        if (failed.isEmpty()) {
            return;
        }
        Exception first = null;
        for (int i = 0; i < messages.size(); i++) {
            Exception why = failed.get(messages.get(i));
            if (why == null) {
                handled.add(mailed.get(i));
            } else if (first == null) {
                first = why;
            }
        }
        throw new PartlyHandledException(handled, first);
    }
}
