package fi.ecosystem.projects.reporting;

import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the facts the figures are counted from, one small document per event and per check-in, each written
 * by its key so that redelivery changes nothing. Evidence that lands in a locked period does not move its
 * figures: it is written down as a {@link Correction}.
 */
@Service
public class Evidence {

    private final MongoTemplate mongo;
    private final EmailHash emailHash;
    private final Counting counting;

    Evidence(MongoTemplate mongo, EmailHash emailHash, Counting counting) {
        this.mongo = mongo;
        this.emailHash = emailHash;
        this.counting = counting;
    }

    /** An event of a project was created or changed. */
    public void eventChanged(EventChanged event, Instant receivedAt) {
        if (event.projectId() == null) {
            return;
        }
        EventFact before = mongo.findById(event.eventId(), EventFact.class);
        Update update = new Update().set("projectId", event.projectId()).set("eventType", event.eventType())
                .set("title", event.title()).set("status", event.status()).set("organisingCity", event.organisingCity())
                .set("startsAt", event.startsAt()).set("endsAt", event.endsAt())
                .set("excludedFromReports", event.excludedFromReports())
                .set("sessionsToComplete", event.sessionsToComplete())
                .setOnInsert("firstRecordedAt", receivedAt);
        boolean nowHeld = EventFact.COMPLETED.equals(event.status()) && !event.excludedFromReports();
        if (nowHeld && (before == null || !before.held())) {
            update.set("heldRecordedAt", receivedAt);
        }
        mongo.upsert(new Query(Criteria.where("_id").is(event.eventId())), update, EventFact.class);
        EventFact after = mongo.findById(event.eventId(), EventFact.class);
        boolean countsChanged = before == null || before.held() != after.held()
                || !java.util.Objects.equals(before.heldOn(), after.heldOn())
                || before.excludedFromReports() != after.excludedFromReports()
                || before.sessionsNeededToComplete() != after.sessionsNeededToComplete();
        if (countsChanged) {
            correctLockedPeriods(event.projectId(), earliest(before, after), Correction.LATE_EVENT_CHANGE,
                    "event " + event.eventId());
        }
    }

    /** A registration's attendance changed: a check-in, a check-in taken back, or a no-show. */
    public void attendanceChanged(String type, String envelopeId, RegistrationChanged registration, Instant receivedAt) {
        if (registration.projectId() == null) {
            return;
        }
        switch (type) {
            case RegistrationChanged.ATTENDED -> {
                if (registration.participant() == null) {
                    return; // the person has been erased since: nobody to count
                }
                checkIn(registration, envelopeId, receivedAt);
            }
            case RegistrationChanged.SESSION_ATTENDANCE -> toggle(registration, envelopeId, receivedAt);
            case RegistrationChanged.NO_SHOW -> mongo.updateMulti(
                    new Query(Criteria.where("registrationId").is(registration.registrationId())),
                    new Update().set("withdrawn", true).set("lastEventId", envelopeId), AttendanceFact.class);
            default -> {
                return;
            }
        }
        EventFact event = mongo.findById(registration.eventId(), EventFact.class);
        correctLockedPeriods(registration.projectId(), Counting.attendanceDay(attendedAt(registration, receivedAt), event),
                Correction.LATE_ATTENDANCE, "event " + registration.eventId());
    }

    private void checkIn(RegistrationChanged registration, String envelopeId, Instant receivedAt) {
        RegistrationChanged.Participant person = registration.participant();
        String id = AttendanceFact.idOf(registration.registrationId(), registration.sessionId());
        Update update = new Update().set("projectId", registration.projectId()).set("eventId", registration.eventId())
                .set("registrationId", registration.registrationId()).set("sessionId", registration.sessionId())
                .set("withdrawn", false).set("lastEventId", envelopeId)
                .setOnInsert("personHash", person.email() == null ? null : emailHash.of(person.email()))
                .setOnInsert("businessId", blankToNull(person.businessId()))
                .setOnInsert("organisationName", blankToNull(person.organisationName()))
                .setOnInsert("attendedAt", attendedAt(registration, receivedAt))
                .setOnInsert("recordedAt", receivedAt);
        mongo.upsert(new Query(Criteria.where("_id").is(id)), update, AttendanceFact.class);
    }

    /**
     * A session check-in or its correction: the payload does not say which, so the fact flips, unless this very
     * event already flipped it (a redelivery).
     */
    private void toggle(RegistrationChanged registration, String envelopeId, Instant receivedAt) {
        String id = AttendanceFact.idOf(registration.registrationId(), registration.sessionId());
        AttendanceFact existing = mongo.findById(id, AttendanceFact.class);
        if (existing == null) {
            if (registration.participant() != null) {
                checkIn(registration, envelopeId, receivedAt);
            }
            return;
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("lastEventId").ne(envelopeId)),
                new Update().set("withdrawn", !existing.withdrawn()).set("lastEventId", envelopeId), AttendanceFact.class);
    }

    /**
     * A person was erased: their check-ins lose the keyed hash of their address, which links them to the person, and
     * get a random pseudonym instead, one per address, the same on every check-in. So nothing (not even the service's
     * key) leads from the evidence back to the person, while the person still counts once, as before: open periods
     * count the same, and the locked periods' figures are numbers of their own that nothing here touches. Companies
     * (business IDs) stay: they are not the person. Repeating it finds nothing more.
     *
     * @return how many check-ins were pseudonymised
     */
    public long forget(java.util.Collection<String> emailHashes) {
        long changed = 0;
        for (String hash : emailHashes) {
            if (hash == null) {
                continue;
            }
            String pseudonym = ERASED_PREFIX + java.util.UUID.randomUUID();
            changed += mongo.updateMulti(new Query(Criteria.where("personHash").is(hash)),
                    new Update().set("personHash", pseudonym), AttendanceFact.class).getModifiedCount();
        }
        return changed;
    }

    /**
     * A check-in read back from events-service's current data (the backfill): written only if no fact of this
     * registration and session exists, so what the topic said (including a check-in taken back) always wins and a
     * second backfill changes nothing. Returns whether it was new.
     */
    boolean backfilled(String projectId, String eventId, String registrationId, String sessionId, String email,
            String businessId, String organisationName, Instant attendedAt, Instant receivedAt) {
        Update update = new Update().setOnInsert("projectId", projectId).setOnInsert("eventId", eventId)
                .setOnInsert("registrationId", registrationId).setOnInsert("sessionId", sessionId)
                .setOnInsert("withdrawn", false).setOnInsert("lastEventId", "backfill")
                .setOnInsert("personHash", email == null ? null : emailHash.of(email))
                .setOnInsert("businessId", blankToNull(businessId))
                .setOnInsert("organisationName", blankToNull(organisationName))
                .setOnInsert("attendedAt", attendedAt).setOnInsert("recordedAt", receivedAt);
        return mongo.upsert(new Query(Criteria.where("_id").is(AttendanceFact.idOf(registrationId, sessionId))), update,
                AttendanceFact.class).getUpsertedId() != null;
    }

    /** How the pseudonym of an erased person starts: the lists behind the figures show it as such. */
    public static final String ERASED_PREFIX = "erased-";

    /**
     * For each locked period the change may touch, compares what the evidence counts now with the locked figures
     * and the corrections already written; a difference becomes a new correction.
     */
    void correctLockedPeriods(String projectId, LocalDate affectedFrom, String reason, String cause) {
        if (affectedFrom == null) {
            return;
        }
        List<ReportingPeriod> locked = mongo.find(new Query(Criteria.where("projectId").is(projectId)
                .and("status").is(PeriodStatus.LOCKED.name()).and("endDate").gte(affectedFrom)), ReportingPeriod.class);
        for (ReportingPeriod period : locked) {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (writeCorrections(period, reason, cause)) {
                    break;
                }
            }
        }
    }

    private boolean writeCorrections(ReportingPeriod period, String reason, String cause) {
        Tally now = counting.tally(period.projectId(), period.startDate(), period.endDate());
        Tally corrected = counting.correctedByEvidence(period);
        List<Correction> existing = counting.corrections(period.id()).stream().filter(correction -> !correction.manual()).toList();
        for (Figure figure : Figure.values()) {
            long periodDelta = now.period(figure) - corrected.period(figure);
            long cumulativeDelta = now.cumulative(figure) - corrected.cumulative(figure);
            if (periodDelta == 0 && cumulativeDelta == 0) {
                continue;
            }
            long number = existing.stream().filter(correction -> correction.figure() == figure).count() + 1;
            try {
                mongo.insert(new Correction(period.id() + ":" + figure + ":" + number, period.projectId(), period.id(),
                        figure, periodDelta, cumulativeDelta, reason, cause, Instant.now(), null, null));
            } catch (DuplicateKeyException writtenMeanwhile) {
                return false; // another replica wrote this correction at the same moment: count again
            }
        }
        return true;
    }

    private static LocalDate earliest(EventFact before, EventFact after) {
        LocalDate a = before == null ? null : before.heldOn();
        LocalDate b = after.heldOn();
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant attendedAt(RegistrationChanged registration, Instant receivedAt) {
        return registration.occurredAt() != null ? registration.occurredAt() : receivedAt;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
