package fi.ecosystem.projects.reporting;

import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A period the project reports to its funder for. Its figures are counted live while it is open or submitted;
 * locking freezes them here, and whatever evidence arrives later for it becomes a {@link Correction}, never a
 * change of these numbers. The id is the project's id and the label, so the default periods are created once
 * however many requests create them at the same time.
 */
@Document("reporting_periods")
@CompoundIndex(name = "by_project_start", def = "{'projectId': 1, 'startDate': 1}")
public class ReportingPeriod {

    @Id
    private String id;
    private String projectId;
    /** As staff-reported indicator values name periods: 2024-H1, 2024-Q3, 2024. */
    private String label;
    private LocalDate startDate;
    private LocalDate endDate;
    private PeriodStatus status;
    private String submittedBy;
    private Instant submittedAt;
    private String lockedBy;
    private Instant lockedAt;
    /** The figures as they were when locked: fixed size (one entry per figure), never changed after. */
    private Map<Figure, Long> lockedPeriodValues;
    private Map<Figure, Long> lockedCumulativeValues;
    @Version
    private Long version;

    protected ReportingPeriod() {
    }

    static ReportingPeriod open(String projectId, String label, LocalDate startDate, LocalDate endDate) {
        ReportingPeriod period = new ReportingPeriod();
        period.id = projectId + ":" + label;
        period.projectId = projectId;
        period.label = label;
        period.status = PeriodStatus.OPEN;
        period.reschedule(startDate, endDate);
        return period;
    }

    void reschedule(LocalDate start, LocalDate end) {
        if (status != PeriodStatus.OPEN) {
            throw new DomainRuleViolation("reporting-period-not-open", "Only an open period's dates can change; this one is " + status);
        }
        if (start == null || end == null || end.isBefore(start)) {
            throw new DomainRuleViolation("reporting-period-invalid", "A reporting period ends on or after the day it starts");
        }
        startDate = start;
        endDate = end;
    }

    void submit(String who, Instant when) {
        if (status != PeriodStatus.OPEN) {
            throw new DomainRuleViolation("reporting-period-not-open", "Only an open period is submitted; this one is " + status);
        }
        status = PeriodStatus.SUBMITTED;
        submittedBy = who;
        submittedAt = when;
    }

    void reopen() {
        if (status != PeriodStatus.SUBMITTED) {
            throw new DomainRuleViolation("reporting-period-not-submitted", "Only a submitted period is reopened; this one is " + status);
        }
        status = PeriodStatus.OPEN;
        submittedBy = null;
        submittedAt = null;
    }

    void lock(String who, Instant when, Tally figures) {
        if (status != PeriodStatus.SUBMITTED) {
            throw new DomainRuleViolation("reporting-period-not-submitted", "A period is submitted before it is locked; this one is " + status);
        }
        status = PeriodStatus.LOCKED;
        lockedBy = who;
        lockedAt = when;
        lockedPeriodValues = new EnumMap<>(figures.period());
        lockedCumulativeValues = new EnumMap<>(figures.cumulative());
    }

    boolean contains(LocalDate day) {
        return day != null && !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public boolean locked() {
        return status == PeriodStatus.LOCKED;
    }

    /** The locked figures, or null while the period is not locked. */
    public Tally lockedFigures() {
        return locked() ? new Tally(lockedPeriodValues, lockedCumulativeValues) : null;
    }

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public String label() {
        return label;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public PeriodStatus status() {
        return status;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String lockedBy() {
        return lockedBy;
    }

    public Instant lockedAt() {
        return lockedAt;
    }
}
