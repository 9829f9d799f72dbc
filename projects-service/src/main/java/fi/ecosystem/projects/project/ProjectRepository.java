package fi.ecosystem.projects.project;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProjectRepository extends MongoRepository<Project, String> {
}
