package fi.ecosystem.contacts.organisation;

import fi.ecosystem.contacts.access.ContactsAccess;
import fi.ecosystem.contracts.organisations.BusinessId;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.NotFoundException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Organisations: shared with the cities of the projects they are linked to. */
@Service
public class OrganisationService {

    static final String AREA = "contacts";

    private final MongoTemplate mongo;
    private final ProjectAccessDirectory projects;

    OrganisationService(MongoTemplate mongo, ProjectAccessDirectory projects) {
        this.mongo = mongo;
        this.projects = projects;
    }

    public Page<Organisation> list(CityUser user, Pageable pageable) {
        AccessRule.requireMayRead(user, AREA);
        Query query = new Query(Criteria.where("projectIds").in(projects.projectsOf(user.cities())));
        long total = mongo.count(query, Organisation.class);
        return new PageImpl<>(mongo.find(query.with(pageable), Organisation.class), pageable, total);
    }

    public Organisation get(CityUser user, String id) {
        Organisation organisation = mongo.findById(id, Organisation.class);
        AccessRule.requireVisible(user, AREA, organisation == null ? Set.of() : citiesOf(organisation.projectIds()),
                "Organisation " + id);
        return organisation;
    }

    public Organisation create(CityUser user, OrganisationType type, fi.ecosystem.contracts.LocalizedText name,
            String businessId, String municipalityNumber, Organisation.Address address, String website, String parentId,
            Set<String> projectIds) {
        ContactsAccess.requireMayWrite(user);
        requireOwnProjects(user, projectIds);
        Organisation organisation = Organisation.create(UUID.randomUUID().toString(), type, name, businessId,
                municipalityNumber, address, website, parentId, projectIds);
        return mongo.insert(announced(organisation));
    }

    public Organisation change(CityUser user, String id, OrganisationType type, fi.ecosystem.contracts.LocalizedText name,
            String businessId, String municipalityNumber, Organisation.Address address, String website, String parentId,
            Set<String> projectIds) {
        Organisation organisation = get(user, id);
        ContactsAccess.requireWritable(user, citiesOf(organisation.projectIds()), "Organisation " + id);
        requireOwnProjects(user, projectIds);
        organisation.change(type, name, businessId, municipalityNumber, address, website, parentId, projectIds);
        return mongo.save(announced(organisation));
    }

    /** Saves an organisation with a fixed id once (demo data); later runs leave it as it is. */
    public java.util.Optional<Organisation> createOnce(Organisation organisation) {
        if (mongo.findById(organisation.id(), Organisation.class) != null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(mongo.insert(announced(organisation)));
        } catch (org.springframework.dao.DuplicateKeyException createdConcurrently) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The organisation a registrant named by business ID: the one holding that ID, else a new company with the name
     * the registrant typed; linked to the project of the event so that the project's cities see it. Idempotent: a
     * redelivered registration finds the same record, and two registrations at once still make one (the unique
     * index on the business ID decides, the loser reads the winner's record).
     */
    public Organisation withBusinessId(String businessId, String typedName, String projectId) {
        String canonical = BusinessId.canonical(businessId);
        for (int attempt = 1; ; attempt++) {
            try {
                Organisation found = mongo.findOne(new Query(Criteria.where("businessId").is(canonical)), Organisation.class);
                if (found == null) {
                    String name = typedName == null || typedName.isBlank() ? canonical : typedName.trim();
                    Organisation created = Organisation.create(UUID.randomUUID().toString(), OrganisationType.COMPANY,
                            new fi.ecosystem.contracts.LocalizedText(name, null, null), canonical, null, null, null, null,
                            projectId == null ? Set.of() : Set.of(projectId));
                    return mongo.insert(announced(created));
                }
                if (projectId == null || !found.linkTo(projectId)) {
                    return found;
                }
                return mongo.save(announced(found));
            } catch (org.springframework.dao.DuplicateKeyException | org.springframework.dao.OptimisticLockingFailureException raced) {
                if (attempt == 5) {
                    throw raced;
                }
            }
        }
    }

    /** The change goes out on the organisations topic with the cities of the organisation's projects. */
    private Organisation announced(Organisation organisation) {
        organisation.recordChanged(citiesOf(organisation.projectIds()));
        return organisation;
    }

    /** Links are to projects the caller's city takes part in: nobody shares an organisation into others' projects. */
    private void requireOwnProjects(CityUser user, Set<String> projectIds) {
        for (String projectId : projectIds) {
            if (!user.sharesCityWith(projects.citiesOf(projectId))) {
                throw new NotFoundException("Project " + projectId);
            }
        }
        if (projectIds.isEmpty()) {
            throw new DomainRuleViolation("no-projects", "Link the organisation to at least one project");
        }
    }

    private Set<String> citiesOf(Set<String> projectIds) {
        Set<String> cities = new HashSet<>();
        projectIds.forEach(projectId -> cities.addAll(projects.citiesOf(projectId)));
        return cities;
    }
}
