package fi.ecosystem.events.certificate;

import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.EventStatus;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.events.event.ParticipantAccess;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.events.registration.RegistrationStatus;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Certificates of attendance: a completed growth programme's participants who attended enough of its sessions
 * get one, in their language, issued once (the same code however often it is downloaded or mailed). Organisers
 * of the event's cities list, download and mail them; the participant downloads theirs through the private link;
 * anyone holding a code can have it confirmed, learning no more than the certificate itself shows.
 */
@Service
public class CertificateService {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private final MongoTemplate mongo;
    private final EventService events;
    private final RegistrationService registrations;
    private final CertificatePdf pdf;
    private final CertificateMail mail;
    private final EmailHash emailHash;
    private final String verifyUrl;

    CertificateService(MongoTemplate mongo, EventService events, RegistrationService registrations, CertificatePdf pdf,
            CertificateMail mail, EmailHash emailHash, @Value("${ecosystem.public-url}") String publicUrl,
            @Value("${ecosystem.events.certificate-path:/events/certificates/}") String certificatePath) {
        this.mongo = mongo;
        this.events = events;
        this.registrations = registrations;
        this.pdf = pdf;
        this.mail = mail;
        this.emailHash = emailHash;
        this.verifyUrl = publicUrl + certificatePath;
    }

    /** A participant who has earned a certificate, and its code once issued (null before). */
    public record Holder(Registration registration, String code) {
    }

    /** A rendered certificate with the name of its file in the participant's language. */
    public record Rendered(byte[] pdf, String fileName) {
    }

    /**
     * What the public page may say of a certificate: the programme, when it ended and the holder's initials. Initials
     * only: the page is public and needs no login, so it must not tell whoever has a code (a forwarded PDF, a photo of
     * it) more than that someone with these initials completed the programme; the PDF the holder shows has the name.
     */
    public record Verified(LocalizedText programme, LocalDate completedOn, String initials) {
    }

    /**
     * A person asked to be forgotten: a certificate names them (the PDF is rendered from the registration), so it
     * goes and its code no longer confirms. Repeating it changes nothing more.
     */
    public long forget(java.util.Collection<String> emailHashes) {
        return mongo.remove(new Query(Criteria.where("emailHash").in(emailHashes)), Certificate.class).getDeletedCount();
    }

    /** Those of the event who earned a certificate, in the order they registered; organisers of its cities only. */
    public List<Holder> holders(CityUser user, String eventId) {
        Event event = managed(user, eventId);
        requireCertifiable(event);
        List<Holder> holders = new ArrayList<>();
        try (Stream<Registration> all = mongo.stream(new Query(Criteria.where("eventId").is(eventId)
                .and("status").ne(RegistrationStatus.CANCELLED.name())).with(Sort.by("createdAt", "_id")), Registration.class)) {
            all.filter(registration -> earned(event, registration)).forEach(registration -> {
                Certificate issued = mongo.findOne(byRegistration(registration.id()), Certificate.class);
                holders.add(new Holder(registration, issued == null ? null : issued.code()));
            });
        }
        return holders;
    }

    /** The organiser downloads a participant's certificate. */
    public Rendered forOrganiser(CityUser user, String eventId, String registrationId) {
        Event event = managed(user, eventId);
        return rendered(event, earnedRegistration(event, registrationId));
    }

    /** The organiser mails a participant their certificate (on the participant's request). */
    public void send(CityUser user, String eventId, String registrationId) {
        Event event = managed(user, eventId);
        Registration registration = earnedRegistration(event, registrationId);
        mail.send(event, registration, rendered(event, registration));
    }

    /** The organiser mails every participant who earned one their certificate; returns how many went out. */
    public int sendAll(CityUser user, String eventId) {
        Event event = managed(user, eventId);
        int sent = 0;
        for (Holder holder : holders(user, eventId)) {
            mail.send(event, holder.registration(), rendered(event, holder.registration()));
            sent++;
        }
        return sent;
    }

    /** The participant's own certificate through their private link; 404 until they have earned one. */
    public Rendered forParticipant(String privateToken) {
        Registration registration = registrations.byPrivateToken(privateToken);
        Event event = events.find(registration.eventId());
        if (!certifiable(event) || !earned(event, registration)) {
            throw new NotFoundException("Certificate");
        }
        return rendered(event, registration);
    }

    /** Confirms a code; a code nobody holds (or one of an erased person) is simply not found. */
    public Verified verify(String typedCode) {
        String code = Certificate.normalised(typedCode);
        Certificate certificate = code == null ? null : mongo.findById(code, Certificate.class);
        Registration registration = certificate == null ? null : registrations.findForMail(certificate.registrationId());
        if (registration == null) {
            throw new NotFoundException("Certificate");
        }
        Event event = events.find(certificate.eventId());
        return new Verified(event.title(), event.endsAt().atZone(HELSINKI).toLocalDate(),
                initial(registration.firstName()) + initial(registration.lastName()));
    }

    private Rendered rendered(Event event, Registration registration) {
        Certificate certificate = issued(registration);
        int attended = (int) registration.attendedSessions().stream().filter(session -> event.session(session) != null).count();
        byte[] bytes = pdf.render(event, registration,
                new CertificatePdf.Facts(certificate.code(), verifyUrl + certificate.code(), attended, cityName(event.organisingCity())));
        return new Rendered(bytes, pdf.fileName(CertificatePdf.languageOf(registration)));
    }

    /** The registration's certificate, issued now if it has none; two at once still make one (the unique index). */
    private Certificate issued(Registration registration) {
        Certificate existing = mongo.findOne(byRegistration(registration.id()), Certificate.class);
        if (existing != null) {
            return existing;
        }
        try {
            return mongo.insert(Certificate.issue(registration.id(), registration.eventId(), emailHash.of(registration.email())));
        } catch (DuplicateKeyException issuedConcurrently) {
            return mongo.findOne(byRegistration(registration.id()), Certificate.class);
        }
    }

    private static Query byRegistration(String registrationId) {
        return new Query(Criteria.where("registrationId").is(registrationId));
    }

    /** The event, for an organiser of one of its cities who may see its people; others get 404 or 403. */
    private Event managed(CityUser user, String eventId) {
        Event event = events.get(user, eventId);
        Set<String> cities = events.citiesOf(event);
        AccessRule.requireWritable(user, EventService.AREA, CityUser.EVENT_ORGANISER, cities,
                "Event " + eventId);
        ParticipantAccess.requireMayReadPeople(user, event, cities);
        return event;
    }

    private Registration earnedRegistration(Event event, String registrationId) {
        requireCertifiable(event);
        Registration registration = mongo.findById(registrationId, Registration.class);
        if (registration == null || !registration.eventId().equals(event.id())) {
            throw new NotFoundException("Registration " + registrationId);
        }
        if (!earned(event, registration)) {
            throw new DomainRuleViolation("certificate-not-earned",
                    "The participant did not attend enough sessions of the programme for a certificate");
        }
        return registration;
    }

    private static boolean certifiable(Event event) {
        return event.type() == EventType.GROWTH_PROGRAMME && event.status() == EventStatus.COMPLETED;
    }

    private static void requireCertifiable(Event event) {
        if (!certifiable(event)) {
            throw new DomainRuleViolation("certificate-not-available",
                    "Certificates of attendance are for completed growth programmes");
        }
    }

    private static boolean earned(Event event, Registration registration) {
        return registration.status() != RegistrationStatus.CANCELLED && registration.email() != null
                && !registration.email().endsWith("@invalid") && event.completedBy(registration.attendedSessions());
    }

    private static String initial(String name) {
        return name == null || name.isBlank() ? "" : name.strip().substring(0, 1).toUpperCase(Locale.ROOT) + ".";
    }

    /** The city's alias as a name; the platform knows cities by alias only. */
    private static String cityName(String alias) {
        return alias == null || alias.isEmpty() ? "" : alias.substring(0, 1).toUpperCase(Locale.ROOT) + alias.substring(1);
    }
}
