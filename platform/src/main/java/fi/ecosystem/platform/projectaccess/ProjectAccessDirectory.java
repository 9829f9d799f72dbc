package fi.ecosystem.platform.projectaccess;

import fi.ecosystem.contracts.projects.ProjectChanged;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The read model of projects kept by events-service and contacts-service for the access rule: data is
 * shared between the cities of a project, so "may this caller see it" is "does a city of the caller take
 * part in the project it belongs to".
 */
public class ProjectAccessDirectory {

    private final MongoTemplate mongo;

    public ProjectAccessDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<ProjectAccess> find(String projectId) {
        return Optional.ofNullable(projectId == null ? null : mongo.findById(projectId, ProjectAccess.class));
    }

    public Set<String> citiesOf(String projectId) {
        return find(projectId).map(ProjectAccess::cities).orElse(Set.of());
    }

    public List<String> projectsOf(Collection<String> cities) {
        Query query = new Query(Criteria.where("cities").in(cities));
        query.fields().include("_id");
        return mongo.find(query, ProjectAccess.class).stream().map(ProjectAccess::projectId).toList();
    }

    /** Applies a project event unless a newer one was applied already (events of one project arrive in order, but replays do not). */
    public void apply(ProjectChanged changed, Instant eventTime) {
        ProjectAccess state = new ProjectAccess(changed.projectId(), changed.name(), changed.status(),
                Set.copyOf(changed.participatingCities()), eventTime);
        Query notNewer = new Query(Criteria.where("_id").is(changed.projectId())
                .orOperator(Criteria.where("eventTime").lte(eventTime), Criteria.where("eventTime").exists(false)));
        if (mongo.exists(new Query(Criteria.where("_id").is(changed.projectId())), ProjectAccess.class)) {
            mongo.findAndReplace(notNewer, state);
        } else {
            try {
                mongo.insert(state);
            } catch (DuplicateKeyException insertedConcurrently) {
                mongo.findAndReplace(notNewer, state);
            }
        }
    }
}
