package fi.ecosystem.events.registration.mail;

import fi.ecosystem.events.registration.PrivateLinkRequests;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Mails a registrant their private link again when someone registered with their address once more. Off the
 * request thread, as a new registration's confirmation is (that one goes through the outbox and Kafka), so
 * the caller's answer takes the same time whether or not the address was known. A failed mail gives the claim
 * back, so a later repeat tries again.
 */
@Component
class PrivateLinkMailer {

    private static final Logger log = LoggerFactory.getLogger(PrivateLinkMailer.class);

    private final RegistrationService registrations;
    private final RegistrationMails mails;
    private final PrivateLinkRequests requests;
    private final TaskExecutor executor;

    PrivateLinkMailer(RegistrationService registrations, RegistrationMails mails, PrivateLinkRequests requests,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.registrations = registrations;
        this.mails = mails;
        this.requests = requests;
        this.executor = executor;
    }

    @EventListener
    void on(PrivateLinkRequests.Requested request) {
        executor.execute(() -> send(request));
    }

    private void send(PrivateLinkRequests.Requested request) {
        try {
            Registration registration = registrations.findForMail(request.registrationId());
            if (registration != null && registration.email() != null) {
                mails.send(RegistrationMails.LINK_AGAIN, registration, registrations.eventOf(registration));
            }
        } catch (RuntimeException mailFailed) {
            log.warn("The private link of registration {} could not be mailed again", request.registrationId(), mailFailed);
            requests.giveBack(request);
        }
    }
}
