package fi.ecosystem.projects.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Counts the figures from the evidence of one project. Each person, company and completion counts once per
 * project, on the day it first counted: a period's value is what first counted within it, the cumulative value
 * what counted up to its end, so the periods add up to the cumulative value. A check-in counts on its own day,
 * or on the day its event ended when it was entered after that (a late check-in belongs to the event's period).
 * Check-ins of events marked as not counting never count. A growth-programme completion needs the programme's
 * threshold of attended sessions (see {@link EventFact#sessionsNeededToComplete()}).
 */
@Component
public class Counting {

    private final MongoTemplate mongo;

    Counting(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Who or what counts, on which day, and when its evidence arrived (after a lock: a correction). */
    public record Counted(Figure figure, String key, LocalDate countsOn, Instant recordedAt, String eventId,
            String label, String businessId, int attendances) {
    }

    /** Check-ins per session of each event, as the workbook's attendance sheet shows them. */
    public record SessionAttendance(String eventId, String eventTitle, String sessionId, LocalDate heldOn, long people) {
    }

    /** The figures of a period as the evidence counts them now. */
    public Tally tally(String projectId, LocalDate from, LocalDate to) {
        Map<Figure, Long> period = new EnumMap<>(Figure.class);
        Map<Figure, Long> cumulative = new EnumMap<>(Figure.class);
        for (Counted counted : everything(projectId)) {
            if (counted.countsOn() != null && !counted.countsOn().isAfter(to)) {
                cumulative.merge(counted.figure(), 1L, Long::sum);
                if (!counted.countsOn().isBefore(from)) {
                    period.merge(counted.figure(), 1L, Long::sum);
                }
            }
        }
        return new Tally(period, cumulative);
    }

    /** What a period reports: the locked figures with their corrections added, or the live count while open. */
    public Tally corrected(ReportingPeriod period) {
        return corrected(period, true);
    }

    /**
     * The locked figures with only the corrections the evidence wrote: what the evidence compares its count with, so
     * a manager's manual correction is never taken back by the next late check-in.
     */
    Tally correctedByEvidence(ReportingPeriod period) {
        return corrected(period, false);
    }

    private Tally corrected(ReportingPeriod period, boolean withManual) {
        Tally locked = period.lockedFigures();
        if (locked == null) {
            return tally(period.projectId(), period.startDate(), period.endDate());
        }
        Map<Figure, Long> periodValues = new EnumMap<>(locked.period());
        Map<Figure, Long> cumulativeValues = new EnumMap<>(locked.cumulative());
        for (Correction correction : corrections(period.id())) {
            if (correction.manual() && !withManual) {
                continue;
            }
            periodValues.merge(correction.figure(), correction.periodDelta(), Long::sum);
            cumulativeValues.merge(correction.figure(), correction.cumulativeDelta(), Long::sum);
        }
        return new Tally(periodValues, cumulativeValues);
    }

    public List<Correction> corrections(String periodId) {
        return mongo.find(new Query(Criteria.where("periodId").is(periodId)).with(Sort.by("recordedAt", "_id")),
                Correction.class);
    }

    /** The list behind a figure: what counted within the period, or (cumulative) up to its end. */
    public List<Counted> behind(String projectId, Figure figure, LocalDate from, LocalDate to, boolean cumulative) {
        Predicate<LocalDate> within = day -> day != null && !day.isAfter(to) && (cumulative || !day.isBefore(from));
        return everything(projectId).stream()
                .filter(counted -> counted.figure() == figure && within.test(counted.countsOn()))
                .sorted(Comparator.comparing(Counted::countsOn).thenComparing(Counted::key))
                .toList();
    }

    /** Check-ins per session of the project's counting events held within the period. */
    public List<SessionAttendance> attendancePerSession(String projectId, LocalDate from, LocalDate to, String language) {
        Map<String, EventFact> events = events(projectId);
        Map<String, Set<String>> people = new TreeMap<>();
        for (AttendanceFact fact : attendances(projectId)) {
            EventFact event = events.get(fact.eventId());
            LocalDate day = attendanceDay(fact.attendedAt(), event);
            if ((event != null && event.excludedFromReports()) || day == null || day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            people.computeIfAbsent(fact.eventId() + "\u0000" + fact.sessionId(), key -> new LinkedHashSet<>())
                    .add(fact.personHash() == null ? fact.registrationId() : fact.personHash());
        }
        List<SessionAttendance> rows = new ArrayList<>();
        people.forEach((key, who) -> {
            String[] parts = key.split("\u0000", 2);
            EventFact event = events.get(parts[0]);
            rows.add(new SessionAttendance(parts[0], event == null || event.title() == null ? parts[0] : event.title().in(language),
                    "null".equals(parts[1]) ? null : parts[1], event == null ? null : event.heldOn(), who.size()));
        });
        return rows;
    }

    public Map<String, EventFact> events(String projectId) {
        Map<String, EventFact> events = new HashMap<>();
        mongo.find(new Query(Criteria.where("projectId").is(projectId)), EventFact.class)
                .forEach(event -> events.put(event.eventId(), event));
        return events;
    }

    /** The day a check-in counts on (see the class comment). */
    static LocalDate attendanceDay(Instant attendedAt, EventFact event) {
        LocalDate checkedIn = attendedAt == null ? null : LocalDate.ofInstant(attendedAt, EventFact.REPORTING_ZONE);
        LocalDate eventEnded = event == null ? null : event.heldOn();
        if (checkedIn == null) {
            return eventEnded;
        }
        return eventEnded != null && eventEnded.isBefore(checkedIn) ? eventEnded : checkedIn;
    }

    private List<AttendanceFact> attendances(String projectId) {
        return mongo.find(new Query(Criteria.where("projectId").is(projectId).and("withdrawn").is(false)), AttendanceFact.class);
    }

    /** Everything that counts for any figure of the project, each once, on its first day. */
    List<Counted> everything(String projectId) {
        Map<String, EventFact> events = events(projectId);
        List<Counted> counted = new ArrayList<>();
        for (EventFact event : events.values()) {
            if (event.held()) {
                counted.add(new Counted(Figure.EVENTS_HELD, event.eventId(), event.heldOn(), event.heldRecordedAt(),
                        event.eventId(), event.title() == null ? event.eventId() : event.title().fi(), null, 0));
            }
        }
        Map<String, Counted> people = new LinkedHashMap<>();
        Map<String, Counted> companies = new LinkedHashMap<>();
        Map<String, Counted> completions = new LinkedHashMap<>();
        Map<String, List<AttendanceFact>> programmeAttendances = new LinkedHashMap<>();
        for (AttendanceFact fact : attendances(projectId)) {
            EventFact event = events.get(fact.eventId());
            if (event != null && event.excludedFromReports()) {
                continue;
            }
            LocalDate day = attendanceDay(fact.attendedAt(), event);
            if (fact.personHash() != null) {
                earliest(people, fact.personHash(), new Counted(Figure.PARTICIPANTS_REACHED, fact.personHash(), day,
                        fact.recordedAt(), fact.eventId(), fact.personHash().substring(0, Math.min(12, fact.personHash().length())),
                        fact.businessId(), 1));
            }
            if (fact.businessId() != null) {
                earliest(companies, fact.businessId(), new Counted(Figure.ENTERPRISES_SUPPORTED, fact.businessId(), day,
                        fact.recordedAt(), fact.eventId(), fact.organisationName(), fact.businessId(), 1));
            }
            if (event != null && event.held() && event.growthProgramme() && fact.personHash() != null) {
                programmeAttendances.computeIfAbsent(event.eventId() + "/" + fact.personHash(), key -> new ArrayList<>()).add(fact);
            }
        }
        programmeAttendances.forEach((key, facts) -> {
            Counted completion = completion(key, events.get(facts.get(0).eventId()), facts);
            if (completion != null) {
                completions.put(key, completion);
            }
        });
        counted.addAll(people.values());
        counted.addAll(companies.values());
        counted.addAll(completions.values());
        return counted;
    }

    /**
     * A person completed a held programme when they attended at least its threshold of distinct sessions; it counts
     * on the day the programme ended, evidenced when the check-in that reached the threshold (or the completion of
     * the programme, if later) arrived.
     */
    private static Counted completion(String key, EventFact event, List<AttendanceFact> facts) {
        Map<String, Instant> sessions = new HashMap<>();
        for (AttendanceFact fact : facts) {
            String session = fact.sessionId() == null ? AttendanceFact.WHOLE_EVENT : fact.sessionId();
            sessions.merge(session, fact.recordedAt() == null ? Instant.EPOCH : fact.recordedAt(),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        int needed = event.sessionsNeededToComplete();
        if (sessions.size() < needed) {
            return null;
        }
        Instant reached = sessions.values().stream().sorted().skip(needed - 1L).findFirst().orElseThrow();
        AttendanceFact first = facts.get(0);
        String person = first.personHash();
        return new Counted(Figure.GROWTH_PROGRAMME_COMPLETIONS, key, event.heldOn(), later(reached, event.heldRecordedAt()),
                event.eventId(), person.substring(0, Math.min(12, person.length())), first.businessId(), sessions.size());
    }

    /** Keeps the earliest day (and the evidence that made it) and counts the check-ins behind the key. */
    private static void earliest(Map<String, Counted> seen, String key, Counted candidate) {
        seen.merge(key, candidate, (kept, next) -> {
            boolean nextFirst = kept.countsOn() == null
                    || (next.countsOn() != null && next.countsOn().isBefore(kept.countsOn()));
            Counted first = nextFirst ? next : kept;
            return new Counted(first.figure(), first.key(), first.countsOn(), first.recordedAt(), first.eventId(),
                    first.label() != null ? first.label() : (nextFirst ? kept : next).label(), first.businessId(),
                    kept.attendances() + next.attendances());
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
