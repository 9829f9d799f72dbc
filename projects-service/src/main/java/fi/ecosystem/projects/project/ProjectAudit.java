package fi.ecosystem.projects.project;

import fi.ecosystem.platform.security.CityUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Who changed what in a project and when, field by field; read by the project's managers. */
@Component
public class ProjectAudit {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final JsonMapper json;

    ProjectAudit(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    public record Change(String field, Object before, Object after) {
    }

    @Document("project_audit")
    @CompoundIndex(name = "by_project", def = "{'projectId': 1, 'at': -1}")
    public record Entry(@Id String id, String projectId, Instant at, String actor, String actorName, String action,
            List<Change> changes) {
    }

    /** A comparable picture of a project: what its managers and the rules change. */
    Map<String, Object> snapshot(Project project) {
        if (project == null) {
            return Map.of();
        }
        Map<String, Object> state = json.convertValue(project.details(), MAP);
        state.put("status", project.status());
        state.put("continuedBy", project.continuedBy());
        state.put("workPackages", project.workPackages());
        state.put("indicators", project.indicators());
        return json.convertValue(state, MAP);
    }

    void record(String projectId, CityUser actor, String action, Map<String, Object> before, Map<String, Object> after) {
        List<Change> changes = new ArrayList<>();
        for (String field : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(new Change(field, before.get(field), after.get(field)));
            }
        }
        mongo.insert(new Entry(null, projectId, Instant.now(), actor.subject(), actor.displayName(), action, changes));
    }

    Page<Entry> of(String projectId, Pageable pageable) {
        Query query = new Query(Criteria.where("projectId").is(projectId)).with(Sort.by(Sort.Direction.DESC, "at"));
        long total = mongo.count(query, Entry.class);
        return new PageImpl<>(mongo.find(query.with(pageable), Entry.class), pageable, total);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
