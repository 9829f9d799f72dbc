package fi.ecosystem.events.messaging;

import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.contacts.ContactErased;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.events.certificate.CertificateService;
import fi.ecosystem.events.feedback.Feedback;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.events.registration.erasure.RegistrationErasure;
import fi.ecosystem.events.registration.mail.ChangeMails;
import fi.ecosystem.events.registration.mail.RegistrationMails;
import fi.ecosystem.platform.messaging.BatchSubscription;
import fi.ecosystem.platform.messaging.Inbox;
import fi.ecosystem.platform.messaging.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What events-service takes from topics, its own included (so that it happens only after a change is stored). */
@Configuration(proxyBeanMethods = false)
class EventsSubscriptions {

    /**
     * What an event's change means for its registrations, from the service's own {@code events} topic, so it
     * happens once the change is stored and even if the service stopped right after: a cancelled event cancels
     * its registrations (the people are told), a completed one marks the unchecked as no-shows, and a raised
     * capacity promotes people from the waiting list. Each step is guarded, so a redelivery changes nothing
     * more: it runs on every delivery.
     */
    @Bean
    Subscription eventChangesSubscription(Inbox inbox, RegistrationService registrations) {
        return inbox.subscribe(Topics.EVENTS).group("registrations").types(EventChanged.TYPE)
                .always(changed -> registrations.eventChanged(changed.payload(EventChanged.class).eventId()));
    }

    /**
     * Mails go out from the service's own registrations topic: only after the change is durably stored and
     * published, once per change (inbox), and retried by Kafka if the SMTP server is away. The mails of one poll go
     * together ({@link ChangeMails}), at most one SMTP connection's worth: a crash after the server took them and
     * before their markers were written sends those again, and only those.
     */
    @Bean
    BatchSubscription registrationMailSubscription(Inbox inbox, ChangeMails mails) {
        return inbox.subscribe(Topics.REGISTRATIONS).group("mail").when(event -> RegistrationMails.hasMail(event.type()))
                .atMostPerPoll(RegistrationMails.MAILS_PER_CONNECTION).batch("registration-mail", mails::send);
    }

    /**
     * A person asked to be forgotten: their registrations stay (places and counts must still add up) but
     * without anything that identifies them; their certificates of attendance go, and so do their free-text survey
     * answers (the scores stay, anonymous, in the averages).
     */
    @Bean
    Subscription registrationErasureSubscription(Inbox inbox, RegistrationErasure erasure, CertificateService certificates,
            Feedback feedback) {
        return inbox.subscribe(Topics.CONTACTS).group("erasure").types(ContactErased.TYPE)
                .once("erasure", erased -> {
                    ContactErased person = erased.payload(ContactErased.class);
                    certificates.forget(person.allEmailHashes());
                    feedback.forget(person.allEmailHashes());
                    erasure.erase(person.contactId(), person.allEmailHashes(), erased.id());
                });
    }
}
