package fi.ecosystem.projects.project;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.messaging.OutboxEvent;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Use cases of projects: each loads, lets the aggregate decide, saves it with its events in one write. */
@Service
public class ProjectService {

    static final String AREA = "projects";

    private final ProjectRepository projects;
    private final MongoTemplate mongo;
    private final Outbox outbox;

    ProjectService(ProjectRepository projects, MongoTemplate mongo, Outbox outbox) {
        this.projects = projects;
        this.mongo = mongo;
        this.outbox = outbox;
    }

    public Page<Project> list(CityUser user, Pageable pageable) {
        AccessRule.requireMayRead(user, AREA);
        return projects.findByParticipatingCitiesIn(user.cities(), pageable);
    }

    public Project get(CityUser user, String id) {
        Project project = projects.findById(id).orElse(null);
        AccessRule.requireVisible(user, AREA, project == null ? Set.of() : project.participatingCities(), "Project " + id);
        return project;
    }

    public Project plan(CityUser user, String acronym, LocalizedText name, LocalizedText description,
            LocalDate startDate, LocalDate endDate, String leadCity, Set<String> participatingCities) {
        AccessRule.requireMayWrite(user, AREA, CityUser.PROJECT_MANAGER);
        if (!user.sharesCityWith(participatingCities)) {
            throw new DomainRuleViolation("own-city-missing",
                    "Your own city must take part in a project you create");
        }
        Project project = Project.plan(UUID.randomUUID().toString(), acronym, name, description, startDate, endDate,
                leadCity, participatingCities);
        return save(project, project.changed());
    }

    public Project changeStatus(CityUser user, String id, ProjectStatus target) {
        Project project = get(user, id);
        AccessRule.requireWritable(user, AREA, CityUser.PROJECT_MANAGER, project.participatingCities(), "Project " + id);
        return save(project, project.changeStatus(target));
    }

    /** Saves a project with a fixed id once (demo data); later runs leave it as it is. */
    public Optional<Project> planOnce(Project project) {
        if (projects.existsById(project.id())) {
            return Optional.empty();
        }
        return Optional.of(save(project, project.changed()));
    }

    /**
     * Counts a confirmed participant once per registration: the registration id is remembered in the same
     * document, so a redelivered event cannot count twice even without the inbox marker.
     */
    public boolean countParticipant(String projectId, String registrationId) {
        Query notYetCounted = new Query(Criteria.where("_id").is(projectId).and("countedRegistrations").ne(registrationId));
        Update count = new Update().inc("participantsReached", 1).addToSet("countedRegistrations", registrationId)
                .inc("version", 1); // a concurrent save of a stale copy then fails instead of undoing the count
        return mongo.updateFirst(notYetCounted, count, Project.class).getModifiedCount() == 1;
    }

    private Project save(Project project, ProjectChanged event) {
        project.record(this::toOutbox, event);
        Project saved = projects.save(project);
        outbox.saved();
        return saved;
    }

    private OutboxEvent toOutbox(ProjectChanged event) {
        return outbox.event(Topics.PROJECTS, event.projectId(), ProjectChanged.TYPE, ProjectChanged.VERSION,
                event.participatingCities(), event);
    }
}
