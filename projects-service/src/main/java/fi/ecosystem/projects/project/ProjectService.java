package fi.ecosystem.projects.project;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.CodedAccessDenied;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Use cases of projects: each loads, applies the access rule, lets the aggregate decide, and saves it with
 * its events in one write; every change is written to the audit trail.
 */
@Service
public class ProjectService {

    static final String AREA = "projects";
    /** The most rows an export gives; larger lists are narrowed with filters first. */
    public static final int EXPORT_LIMIT = 10_000;

    private final ProjectRepository projects;
    private final MongoTemplate mongo;
    private final ProjectAudit audit;

    ProjectService(ProjectRepository projects, MongoTemplate mongo, ProjectAudit audit) {
        this.projects = projects;
        this.mongo = mongo;
        this.audit = audit;
    }

    /** Fields of a list row: lists never carry work packages, indicators or their histories. */
    static final String[] SUMMARY_FIELDS = {"acronym", "name", "status", "startDate", "endDate", "leadCity",
        "participatingCities", "themes", "totalBudgetEur", "continues", "continuedBy", "participantsReached", "eventsHeld",
        "createdAt", "updatedAt"};

    /** A page of projects, each with its summary fields only (see {@link #SUMMARY_FIELDS}). */
    public Page<Project> list(CityUser user, ProjectFilter filter, Pageable pageable) {
        return list(user, filter, pageable, false);
    }

    /** A page of projects with their summary fields, and their indicators when a page shows their progress. */
    public Page<Project> list(CityUser user, ProjectFilter filter, Pageable pageable, boolean withIndicators) {
        AccessRule.requireMayRead(user, AREA);
        Query query = filter.toQuery(user.cities());
        long total = mongo.count(query, Project.class);
        Query page = query.with(pageable);
        page.fields().include(SUMMARY_FIELDS);
        if (withIndicators) {
            page.fields().include("indicators");
        }
        return new PageImpl<>(mongo.find(page, Project.class), pageable, total);
    }

    public List<Project> export(CityUser user, ProjectFilter filter, Sort sort) {
        AccessRule.requireMayRead(user, AREA);
        return mongo.find(filter.toQuery(user.cities()).with(sort).limit(EXPORT_LIMIT), Project.class);
    }

    public Project get(CityUser user, String id) {
        Project project = projects.findById(id).orElse(null);
        AccessRule.requireVisible(user, AREA, project == null ? Set.of() : project.participatingCities(), "Project " + id);
        return project;
    }

    public Project plan(CityUser user, ProjectDetails details) {
        AccessRule.requireMayWrite(user, AREA, CityUser.PROJECT_MANAGER);
        requireOwnCity(user, details.participatingCities());
        Project project = Project.plan(UUID.randomUUID().toString(), details);
        Project saved = save(project, project.changed());
        audit.record(saved.id(), user, "planned", Map.of(), audit.snapshot(saved));
        return saved;
    }

    /** Compatibility for callers that only know the basics. */
    public Project plan(CityUser user, String acronym, LocalizedText name, LocalizedText description,
            java.time.LocalDate startDate, java.time.LocalDate endDate, String leadCity, Set<String> participatingCities) {
        return plan(user, ProjectDetails.basic(acronym, name, description, startDate, endDate, leadCity, participatingCities));
    }

    public Project edit(CityUser user, String id, ProjectDetails details) {
        return change(user, id, "edited", project -> {
            requireOwnCity(user, details.participatingCities());
            requireLeadToChangeWhoTakesPart(user, project, details);
            return project.edit(details);
        });
    }

    public Project changeStatus(CityUser user, String id, ProjectStatus target) {
        return change(user, id, "status changed", project -> project.changeStatus(target));
    }

    /** Links the project that continues this one (a new funding decision); both must be the caller's to see. */
    public Project continueWith(CityUser user, String id, String successorId) {
        Project successor = get(user, successorId);
        Project continued = change(user, id, "continued", project -> project.continueWith(successor));
        // the successor learns what it continues in its own document
        mongo.updateFirst(new Query(Criteria.where("_id").is(successorId)), new Update().set("continues", id).inc("version", 1),
                Project.class);
        return continued;
    }

    public Project putWorkPackage(CityUser user, String id, ProjectParts.WorkPackage workPackage) {
        return change(user, id, "work package " + workPackage.number() + " saved", project -> project.putWorkPackage(workPackage));
    }

    public Project removeWorkPackage(CityUser user, String id, int number) {
        return change(user, id, "work package " + number + " removed", project -> project.removeWorkPackage(number));
    }

    public Project putIndicator(CityUser user, String id, String code, LocalizedText name, String unit, long target,
            long baseline, ProjectParts.IndicatorFeed feed) {
        return change(user, id, "indicator " + code + " defined",
                project -> project.putIndicator(code, name, unit, target, baseline, feed));
    }

    public Project report(CityUser user, String id, String code, String period, long value) {
        return change(user, id, "indicator " + code + " reported for " + period,
                project -> project.report(code, period, value, user.displayName(), Instant.now()));
    }

    public Page<ProjectAudit.Entry> auditTrail(CityUser user, String id, Pageable pageable) {
        Project project = get(user, id);
        AccessRule.requireWritable(user, AREA, CityUser.PROJECT_MANAGER, project.participatingCities(), "Project " + id);
        return audit.of(id, pageable);
    }

    /** Saves a project with a fixed id once (demo data); later runs leave it as it is. */
    public Optional<Project> planOnce(Project project) {
        if (projects.existsById(project.id())) {
            return Optional.empty();
        }
        return Optional.of(save(project, project.changed()));
    }

    private Project change(CityUser user, String id, String action, Function<Project, ProjectChanged> decision) {
        Project project = get(user, id);
        AccessRule.requireWritable(user, AREA, CityUser.PROJECT_MANAGER, project.participatingCities(), "Project " + id);
        Map<String, Object> before = audit.snapshot(project);
        Project saved = save(project, decision.apply(project));
        audit.record(id, user, action, before, audit.snapshot(saved));
        return saved;
    }

    /** Who takes part (and who leads) is the lead city's decision: a partner may neither rewrite it nor evict the lead. */
    private static void requireLeadToChangeWhoTakesPart(CityUser user, Project project, ProjectDetails details) {
        boolean changes = !Objects.equals(project.leadCity(), details.leadCity())
                || !project.participatingCities().equals(details.participatingCities());
        if (changes && !user.cities().contains(project.leadCity()) && !user.roles().contains(CityUser.ADMIN)) {
            throw new CodedAccessDenied("lead-city-only",
                    "Only the lead city " + project.leadCity() + " (or an admin) changes who takes part in the project");
        }
    }

    private static void requireOwnCity(CityUser user, Set<String> participatingCities) {
        if (!user.sharesCityWith(participatingCities)) {
            throw new DomainRuleViolation("own-city-missing", "Your own city must take part in the project");
        }
    }

    /** The project records the change its decision caused; saving it stores the event in the same write. */
    private Project save(Project project, ProjectChanged event) {
        project.record(event);
        return projects.save(project);
    }
}
