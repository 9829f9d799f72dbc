package fi.ecosystem.projects.project;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ProjectRepository extends MongoRepository<Project, String> {

    Page<Project> findByParticipatingCitiesIn(Collection<String> cities, Pageable pageable);
}
