package fi.ecosystem.projects.reporting;

import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.CodedAccessDenied;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.NotFoundException;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Use cases of reporting periods. Who sees a project sees and exports its periods (the access rule of
 * {@link ProjectService#get}); adding, moving and removing periods, submitting, reopening, locking and correcting
 * are the lead city's project manager's (or an admin's), as changing who takes part is.
 */
@Service
public class ReportingService {

    static final String AREA = "projects";

    private final ProjectService projects;
    private final MongoTemplate mongo;
    private final Counting counting;

    ReportingService(ProjectService projects, MongoTemplate mongo, Counting counting) {
        this.projects = projects;
        this.mongo = mongo;
        this.counting = counting;
    }

    /** A period with what it reports: live figures while open, the locked ones and their corrections after. */
    public record PeriodReport(ReportingPeriod period, Tally figures, Tally lockedFigures, List<Correction> corrections) {
    }

    public List<PeriodReport> periods(CityUser user, String projectId) {
        Project project = projects.get(user, projectId);
        return periodsOf(project).stream().map(this::report).toList();
    }

    public PeriodReport period(CityUser user, String projectId, String label) {
        return report(find(projects.get(user, projectId), label));
    }

    public Project project(CityUser user, String projectId) {
        return projects.get(user, projectId);
    }

    public PeriodReport reschedule(CityUser user, String projectId, String label, LocalDate start, LocalDate end) {
        Project project = requireLeadManager(user, projectId);
        ReportingPeriod period = find(project, label);
        period.reschedule(start, end);
        requireFits(project, period, periodsOf(project));
        return report(save(period));
    }

    /**
     * A period of the manager's own (a quarter, a funder's odd period): within the project's dates, overlapping no
     * other period, its label not taken.
     */
    public PeriodReport addPeriod(CityUser user, String projectId, String label, LocalDate start, LocalDate end) {
        Project project = requireLeadManager(user, projectId);
        List<ReportingPeriod> existing = periodsOf(project);
        if (existing.stream().anyMatch(period -> period.label().equals(label))) {
            throw new DomainRuleViolation("reporting-period-exists", "The project already has a period " + label);
        }
        ReportingPeriod period = ReportingPeriod.open(projectId, label, start, end);
        requireFits(project, period, existing);
        try {
            mongo.insert(period);
        } catch (DuplicateKeyException addedMeanwhile) {
            throw new DomainRuleViolation("reporting-period-exists", "The project already has a period " + label);
        }
        return report(period);
    }

    /**
     * Removes an open period, one whose figures are not submitted; a submitted or locked one stays, as does the
     * project's last period (without any, the half-years would be made again on the next look).
     */
    public void removePeriod(CityUser user, String projectId, String label) {
        Project project = requireLeadManager(user, projectId);
        List<ReportingPeriod> existing = periodsOf(project);
        ReportingPeriod period = find(project, label);
        if (period.status() != PeriodStatus.OPEN) {
            throw new DomainRuleViolation("reporting-period-not-open", "Only an open period is removed; this one is " + period.status());
        }
        if (existing.size() <= 1) {
            throw new DomainRuleViolation("reporting-period-last", "A project keeps at least one reporting period");
        }
        // removed only if still open in the version read: a submission at the same moment wins
        long removed = mongo.remove(new Query(Criteria.where("_id").is(period.id()).and("status").is(PeriodStatus.OPEN.name())),
                ReportingPeriod.class).getDeletedCount();
        if (removed == 0) {
            throw new DomainRuleViolation("reporting-period-not-open", "The period is no longer open");
        }
    }

    /**
     * A manager's correction of a locked period's figure, with the reason in their words: a new dated entry beside
     * the locked figure, which itself never changes.
     */
    public PeriodReport correct(CityUser user, String projectId, String label, Figure figure, long periodDelta,
            long cumulativeDelta, String note) {
        Project project = requireLeadManager(user, projectId);
        ReportingPeriod period = find(project, label);
        if (!period.locked()) {
            throw new DomainRuleViolation("reporting-period-not-locked",
                    "An open or submitted period's figures are counted live; corrections are for locked periods");
        }
        if (periodDelta == 0 && cumulativeDelta == 0) {
            throw new DomainRuleViolation("reporting-correction-empty", "A correction changes the period or the cumulative value");
        }
        mongo.insert(new Correction(period.id() + ":" + Correction.MANUAL + ":" + java.util.UUID.randomUUID(), projectId,
                period.id(), figure, periodDelta, cumulativeDelta, Correction.MANUAL, null, Instant.now(), note.strip(),
                user.displayName()));
        return report(period);
    }

    private static void requireFits(Project project, ReportingPeriod period, List<ReportingPeriod> others) {
        if ((project.startDate() != null && period.startDate().isBefore(project.startDate()))
                || (project.endDate() != null && period.endDate().isAfter(project.endDate()))) {
            throw new DomainRuleViolation("reporting-period-outside-project",
                    "A reporting period lies within the project's dates " + project.startDate() + " – " + project.endDate());
        }
        for (ReportingPeriod other : others) {
            if (!other.id().equals(period.id()) && !other.startDate().isAfter(period.endDate())
                    && !period.startDate().isAfter(other.endDate())) {
                throw new DomainRuleViolation("reporting-period-overlap",
                        "The period overlaps " + other.label() + " (" + other.startDate() + " – " + other.endDate() + ")");
            }
        }
    }

    public PeriodReport submit(CityUser user, String projectId, String label) {
        Project project = requireLeadManager(user, projectId);
        ReportingPeriod period = find(project, label);
        period.submit(user.displayName(), Instant.now());
        return report(save(period));
    }

    public PeriodReport reopen(CityUser user, String projectId, String label) {
        Project project = requireLeadManager(user, projectId);
        ReportingPeriod period = find(project, label);
        period.reopen();
        return report(save(period));
    }

    public PeriodReport lock(CityUser user, String projectId, String label) {
        Project project = requireLeadManager(user, projectId);
        ReportingPeriod period = find(project, label);
        period.lock(user.displayName(), Instant.now(), counting.tally(projectId, period.startDate(), period.endDate()));
        return report(save(period));
    }

    /** The list behind one figure of a period (within it, or cumulatively up to its end). */
    public List<Counting.Counted> behind(CityUser user, String projectId, String label, Figure figure, boolean cumulative) {
        ReportingPeriod period = find(projects.get(user, projectId), label);
        return counting.behind(projectId, figure, period.startDate(), period.endDate(), cumulative);
    }

    public List<Counting.SessionAttendance> attendancePerSession(CityUser user, String projectId, String label,
            String language) {
        ReportingPeriod period = find(projects.get(user, projectId), label);
        return counting.attendancePerSession(projectId, period.startDate(), period.endDate(), language);
    }

    /** Everything the report pack of a period shows, read at once under the access rule. */
    public record Pack(Project project, PeriodReport report, java.util.Map<Figure, List<Counting.Counted>> behind,
            List<Counting.SessionAttendance> attendance, java.util.Map<String, EventFact> events) {
    }

    public Pack pack(CityUser user, String projectId, String label, String language) {
        Project project = projects.get(user, projectId);
        ReportingPeriod period = find(project, label);
        java.util.Map<Figure, List<Counting.Counted>> behind = new java.util.EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            behind.put(figure, counting.behind(projectId, figure, period.startDate(), period.endDate(), false));
        }
        return new Pack(project, report(period), behind,
                counting.attendancePerSession(projectId, period.startDate(), period.endDate(), language),
                counting.events(projectId));
    }

    PeriodReport report(ReportingPeriod period) {
        return new PeriodReport(period, counting.corrected(period), period.lockedFigures(),
                period.locked() ? counting.corrections(period.id()) : List.of());
    }

    private ReportingPeriod find(Project project, String label) {
        return periodsOf(project).stream().filter(period -> period.label().equals(label)).findFirst()
                .orElseThrow(() -> new NotFoundException("Reporting period " + label));
    }

    /** The project's periods; the first look creates the default half-years from its start to its end. */
    private List<ReportingPeriod> periodsOf(Project project) {
        Query ofProject = new Query(Criteria.where("projectId").is(project.id())).with(Sort.by("startDate"));
        List<ReportingPeriod> periods = mongo.find(ofProject, ReportingPeriod.class);
        if (!periods.isEmpty() || project.startDate() == null || project.endDate() == null) {
            return periods;
        }
        for (ReportingPeriod period : halfYears(project.id(), project.startDate(), project.endDate())) {
            try {
                mongo.insert(period);
            } catch (DuplicateKeyException createdMeanwhile) {
                // another request created the defaults at the same moment; its copy is the same
            }
        }
        return mongo.find(ofProject, ReportingPeriod.class);
    }

    /** Calendar half-years (H1 January–June, H2 July–December), the first and last cut to the project's dates. */
    static List<ReportingPeriod> halfYears(String projectId, LocalDate start, LocalDate end) {
        List<ReportingPeriod> periods = new ArrayList<>();
        LocalDate from = start;
        while (!from.isAfter(end)) {
            boolean firstHalf = from.getMonthValue() <= 6;
            LocalDate halfEnd = firstHalf ? LocalDate.of(from.getYear(), 6, 30) : LocalDate.of(from.getYear(), 12, 31);
            LocalDate to = halfEnd.isAfter(end) ? end : halfEnd;
            periods.add(ReportingPeriod.open(projectId, from.getYear() + (firstHalf ? "-H1" : "-H2"), from, to));
            from = halfEnd.plusDays(1);
        }
        return periods;
    }

    Project requireLeadManager(CityUser user, String projectId) {
        Project project = projects.get(user, projectId);
        AccessRule.requireWritable(user, AREA, CityUser.PROJECT_MANAGER, project.participatingCities(), "Project " + projectId);
        if (!user.cities().contains(project.leadCity()) && !user.roles().contains(CityUser.ADMIN)) {
            throw new CodedAccessDenied("reporting-lead-city-only",
                    "Only the lead city " + project.leadCity() + " (or an admin) submits and locks reporting periods");
        }
        return project;
    }

    private ReportingPeriod save(ReportingPeriod period) {
        return mongo.save(period); // a concurrent change fails on the version: 409 for the caller
    }
}
