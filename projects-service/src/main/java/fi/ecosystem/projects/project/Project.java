package fi.ecosystem.projects.project;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.platform.messaging.OutboxEvent;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A publicly funded project that cities run together. Enforces its own rules and records the events its
 * changes cause in {@code pendingEvents}, saved atomically with it (the outbox).
 */
@Document("projects")
public class Project {

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
    private long participantsReached;
    /** Registrations already counted in participantsReached, so a redelivered event counts once. */
    private Set<String> countedRegistrations = new TreeSet<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;
    private List<OutboxEvent> pendingEvents = new ArrayList<>();

    protected Project() {
    }

    public static Project plan(String id, String acronym, LocalizedText name, LocalizedText description,
            LocalDate startDate, LocalDate endDate, String leadCity, Set<String> participatingCities) {
        requireName(name);
        if (endDate != null && startDate != null && endDate.isBefore(startDate)) {
            throw new DomainRuleViolation("period-invalid", "The project cannot end before it starts");
        }
        if (participatingCities == null || participatingCities.isEmpty()) {
            throw new DomainRuleViolation("no-cities", "At least one city takes part in a project");
        }
        if (leadCity == null || !participatingCities.contains(leadCity)) {
            throw new DomainRuleViolation("lead-not-participating", "The lead city must be one of the participating cities");
        }
        Project project = new Project();
        project.id = id;
        project.acronym = acronym;
        project.name = name;
        project.description = description;
        project.status = ProjectStatus.PLANNED;
        project.startDate = startDate;
        project.endDate = endDate;
        project.leadCity = leadCity;
        project.participatingCities = new TreeSet<>(participatingCities);
        project.createdAt = Instant.now();
        project.updatedAt = project.createdAt;
        return project;
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
        return changed();
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
        return changed();
    }

    public ProjectChanged changed() {
        updatedAt = Instant.now();
        return new ProjectChanged(id, name, acronym, status.name(), leadCity, List.copyOf(participatingCities),
                continuedBy);
    }

    /** Records the event, to be published by the outbox relay after the aggregate is saved. */
    public void record(Function<ProjectChanged, OutboxEvent> toOutbox, ProjectChanged event) {
        pendingEvents.add(toOutbox.apply(event));
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

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<OutboxEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
