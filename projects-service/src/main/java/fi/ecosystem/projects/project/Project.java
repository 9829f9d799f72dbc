package fi.ecosystem.projects.project;

import fi.ecosystem.platform.search.SearchWords;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.messaging.Aggregate;
import fi.ecosystem.platform.messaging.RecordedEvent;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A publicly funded project that cities run together. Enforces its own rules and records the events its
 * changes cause in {@code pendingEvents}, saved atomically with it (the outbox).
 */
@Document("projects")
// the list sorts by a field and then _id (stable pages): _id ends each index so the order comes from it, not a blocking sort
@CompoundIndex(name = "by_city_name_id", def = "{'participatingCities': 1, 'name.fi': 1, '_id': 1}")
@CompoundIndex(name = "by_city_status_id", def = "{'participatingCities': 1, 'status': 1, '_id': 1}")
@CompoundIndex(name = "by_city_start_id", def = "{'participatingCities': 1, 'startDate': 1, '_id': 1}")
public class Project extends Aggregate {

    @Id
    private String id;
    private String acronym;
    private LocalizedText name;
    private LocalizedText description;
    private ProjectStatus status;
    private LocalDate startDate;
    private LocalDate endDate;
    private String leadCity;
    @Indexed
    private Set<String> participatingCities = new TreeSet<>();
    private String continues;
    private String continuedBy;
    private long totalBudgetEur;
    private List<ProjectParts.Funding> funding = new ArrayList<>();
    private List<ProjectParts.Partner> partners = new ArrayList<>();
    @Indexed
    private Set<Theme> themes = new TreeSet<>();
    private List<ProjectParts.ProjectContact> contacts = new ArrayList<>();
    private List<ProjectParts.Publication> publications = new ArrayList<>();
    private List<ProjectParts.WorkPackage> workPackages = new ArrayList<>();
    private List<ProjectParts.Indicator> indicators = new ArrayList<>();
    /** Lower-case words of the names and acronym, for prefix search with an index. */
    @Indexed
    private Set<String> searchTokens = new TreeSet<>();
    /** Kept by {@link ProjectCounts} from the events topic; what it counted is in its own collection. */
    private long eventsHeld;
    /** Kept by {@link ProjectCounts} from the registrations topic; what it counted is in its own collection. */
    private long participantsReached;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Project() {
    }

    public static Project plan(String id, String acronym, LocalizedText name, LocalizedText description,
            LocalDate startDate, LocalDate endDate, String leadCity, Set<String> participatingCities) {
        return plan(id, ProjectDetails.basic(acronym, name, description, startDate, endDate, leadCity, participatingCities));
    }

    public static Project plan(String id, ProjectDetails details) {
        Project project = new Project();
        project.id = id;
        project.status = ProjectStatus.PLANNED;
        project.createdAt = Instant.now();
        project.apply(details);
        return project;
    }

    /** Changes what the managers set directly; the rules are the same as when planning. */
    public ProjectChanged edit(ProjectDetails details) {
        apply(details);
        return changed();
    }

    private void apply(ProjectDetails details) {
        requireName(details.name());
        if (details.endDate() != null && details.startDate() != null && details.endDate().isBefore(details.startDate())) {
            throw new DomainRuleViolation("period-invalid", "The project cannot end before it starts");
        }
        if (details.participatingCities().isEmpty()) {
            throw new DomainRuleViolation("no-cities", "At least one city takes part in a project");
        }
        if (details.leadCity() == null || !details.participatingCities().contains(details.leadCity())) {
            throw new DomainRuleViolation("lead-not-participating", "The lead city must be one of the participating cities");
        }
        long funded = 0;
        for (ProjectParts.Funding source : details.funding()) {
            if (source.amountEur() != null && source.amountEur() < 0) {
                throw new DomainRuleViolation("funding-negative", "A funding amount cannot be negative");
            }
            funded += source.amountEur() == null ? 0 : source.amountEur();
        }
        if (details.totalBudgetEur() < 0 || (details.totalBudgetEur() > 0 && funded > details.totalBudgetEur())) {
            throw new DomainRuleViolation("funding-exceeds-budget",
                    "The funding sources add up to " + funded + " €, more than the budget of " + details.totalBudgetEur() + " €");
        }
        acronym = details.acronym();
        name = details.name();
        description = details.description();
        startDate = details.startDate();
        endDate = details.endDate();
        leadCity = details.leadCity();
        participatingCities = new TreeSet<>(details.participatingCities());
        totalBudgetEur = details.totalBudgetEur();
        funding = new ArrayList<>(details.funding());
        partners = new ArrayList<>(details.partners());
        themes = new TreeSet<>(details.themes());
        contacts = new ArrayList<>(details.contacts());
        publications = new ArrayList<>(details.publications());
        searchTokens = searchWords(acronym, name);
        updatedAt = Instant.now();
    }

    /** Adds the work package, or replaces the one with the same number. */
    public ProjectChanged putWorkPackage(ProjectParts.WorkPackage workPackage) {
        if (workPackage.number() < 1) {
            throw new DomainRuleViolation("work-package-number", "Work packages are numbered from 1");
        }
        workPackages.removeIf(existing -> existing.number() == workPackage.number());
        workPackages.add(workPackage);
        workPackages.sort(java.util.Comparator.comparingInt(ProjectParts.WorkPackage::number));
        return changed();
    }

    public ProjectChanged removeWorkPackage(int number) {
        if (!workPackages.removeIf(existing -> existing.number() == number)) {
            throw new fi.ecosystem.platform.web.NotFoundException("Work package " + number);
        }
        return changed();
    }

    /** Defines an indicator, or changes its definition; its reported history stays. */
    public ProjectChanged putIndicator(String code, LocalizedText indicatorName, String unit, long target, long baseline,
            ProjectParts.IndicatorFeed feed) {
        requireName(indicatorName);
        if (target < 0 || baseline < 0) {
            throw new DomainRuleViolation("indicator-negative", "Target and baseline cannot be negative");
        }
        List<ProjectParts.IndicatorValue> history = indicator(code).map(ProjectParts.Indicator::history).orElse(List.of());
        if (feed != ProjectParts.IndicatorFeed.REPORTED && !history.isEmpty()) {
            throw new DomainRuleViolation("indicator-has-reports",
                    "Indicator " + code + " has reported values; it cannot become a live-fed one");
        }
        ProjectParts.Indicator indicator = new ProjectParts.Indicator(code, indicatorName, unit, target, baseline, feed, history);
        int index = indexOfIndicator(code);
        if (index >= 0) {
            indicators.set(index, indicator);
        } else {
            indicators.add(indicator);
        }
        return changed();
    }

    /**
     * Records the indicator's cumulative value at the end of a period. Reporting a period again corrects
     * it (the history keeps who corrected it and when); periods stay in order.
     */
    public ProjectChanged report(String code, String period, long value, String reportedBy, Instant reportedAt) {
        ProjectParts.Indicator indicator = indicator(code)
                .orElseThrow(() -> new fi.ecosystem.platform.web.NotFoundException("Indicator " + code));
        if (indicator.feed() != ProjectParts.IndicatorFeed.REPORTED) {
            throw new DomainRuleViolation("indicator-live",
                    "Indicator " + code + " is counted live from " + indicator.feed() + "; it is not reported by hand");
        }
        if (value < 0) {
            throw new DomainRuleViolation("indicator-negative", "A reported value cannot be negative");
        }
        List<ProjectParts.IndicatorValue> history = new ArrayList<>(indicator.history());
        history.removeIf(existing -> existing.period().equals(period));
        history.add(new ProjectParts.IndicatorValue(period, value, reportedBy, reportedAt));
        history.sort(java.util.Comparator.comparing(ProjectParts.IndicatorValue::period));
        indicators.set(indexOfIndicator(code), new ProjectParts.Indicator(code, indicator.name(), indicator.unit(),
                indicator.target(), indicator.baseline(), indicator.feed(), history));
        return changed();
    }

    /** The actual value of an indicator: the live counter for fed ones, the latest report for the others. */
    public long actualOf(ProjectParts.Indicator indicator) {
        return switch (indicator.feed()) {
            case PARTICIPANTS_REACHED -> indicator.baseline() + participantsReached;
            case EVENTS_HELD -> indicator.baseline() + eventsHeld;
            case REPORTED -> indicator.reportedActual();
        };
    }

    private java.util.Optional<ProjectParts.Indicator> indicator(String code) {
        return indicators.stream().filter(indicator -> indicator.code().equals(code)).findFirst();
    }

    private int indexOfIndicator(String code) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    public ProjectChanged changeStatus(ProjectStatus target) {
        if (!status.canBecome(target)) {
            throw new DomainRuleViolation("status-transition",
                    "A project cannot go from " + status + " to " + target);
        }
        if (target == ProjectStatus.CONTINUED && continuedBy == null) {
            throw new DomainRuleViolation("continuation-missing",
                    "Link the project that continues this one before marking it continued");
        }
        status = target;
        return changed(version == null ? ProjectChanged.CREATED : ProjectChanged.STATUS_CHANGED);
    }

    /**
     * The statuses a status change may move the project to now, in their order; continuing needs the successor linked
     * first ({@link #continueWith}), so it is offered only then.
     */
    public Set<ProjectStatus> statusChanges() {
        Set<ProjectStatus> next = java.util.EnumSet.noneOf(ProjectStatus.class);
        next.addAll(status.next());
        if (continuedBy == null) {
            next.remove(ProjectStatus.CONTINUED);
        }
        return next;
    }

    /** Links the project that continues this one under a new funding decision and marks this one continued. */
    public ProjectChanged continueWith(Project successor) {
        if (status != ProjectStatus.ENDED) {
            throw new DomainRuleViolation("continuation-not-ended", "Only an ended project can be continued");
        }
        if (successor.id.equals(id)) {
            throw new DomainRuleViolation("continuation-self", "A project cannot continue itself");
        }
        continuedBy = successor.id;
        successor.continues = id;
        status = ProjectStatus.CONTINUED;
        return changed(version == null ? ProjectChanged.CREATED : ProjectChanged.STATUS_CHANGED);
    }

    public ProjectChanged changed() {
        return changed(version == null ? ProjectChanged.CREATED : ProjectChanged.CHANGED);
    }

    private ProjectChanged changed(String change) {
        updatedAt = Instant.now();
        return new ProjectChanged(change, id, name, acronym, status.name(), leadCity, List.copyOf(participatingCities),
                continuedBy, contacts.stream().map(ProjectParts.ProjectContact::toContract).toList());
    }

    /** Records the change this project's decision caused, for its participating cities; saving it publishes the event. */
    void record(ProjectChanged event) {
        record(RecordedEvent.of(Topics.PROJECTS, id, ProjectChanged.TYPE, ProjectChanged.VERSION,
                event.participatingCities(), event));
    }

    private static void requireName(LocalizedText name) {
        if (name == null || name.in("fi").isBlank()) {
            throw new DomainRuleViolation("name-missing", "A project needs a name in at least one language");
        }
    }

    public String id() {
        return id;
    }

    public String acronym() {
        return acronym;
    }

    public LocalizedText name() {
        return name;
    }

    public LocalizedText description() {
        return description;
    }

    public ProjectStatus status() {
        return status;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public String leadCity() {
        return leadCity;
    }

    public Set<String> participatingCities() {
        return Set.copyOf(participatingCities);
    }

    public String continues() {
        return continues;
    }

    public String continuedBy() {
        return continuedBy;
    }

    public long participantsReached() {
        return participantsReached;
    }

    public long eventsHeld() {
        return eventsHeld;
    }

    public long totalBudgetEur() {
        return totalBudgetEur;
    }

    public List<ProjectParts.Funding> funding() {
        return List.copyOf(funding);
    }

    public List<ProjectParts.Partner> partners() {
        return List.copyOf(partners);
    }

    public Set<Theme> themes() {
        return Set.copyOf(themes);
    }

    public List<ProjectParts.ProjectContact> contacts() {
        return List.copyOf(contacts);
    }

    public List<ProjectParts.Publication> publications() {
        return List.copyOf(publications);
    }

    public List<ProjectParts.WorkPackage> workPackages() {
        return List.copyOf(workPackages);
    }

    public List<ProjectParts.Indicator> indicators() {
        return List.copyOf(indicators);
    }

    /** The state that may be edited, as it is now (the base for a partial edit). */
    public ProjectDetails details() {
        return new ProjectDetails(acronym, name, description, startDate, endDate, leadCity, participatingCities,
                totalBudgetEur, funding, partners, themes, contacts, publications);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }


    /** The words the project is found by: its acronym and its name in every language. */
    static Set<String> searchWords(String acronym, LocalizedText name) {
        return name == null ? SearchWords.of(acronym) : SearchWords.of(acronym, name.fi(), name.sv(), name.en());
    }

    Set<String> searchWords() {
        return java.util.Collections.unmodifiableSet(searchTokens);
    }
}
