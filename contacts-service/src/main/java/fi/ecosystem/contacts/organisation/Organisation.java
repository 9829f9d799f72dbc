package fi.ecosystem.contacts.organisation;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.organisations.BusinessId;
import fi.ecosystem.contracts.organisations.OrganisationChanged;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.platform.messaging.Aggregate;
import fi.ecosystem.platform.messaging.RecordedEvent;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A municipality, council, company, university… that takes part in projects. Shared with the staff of
 * every city of the projects it is linked to.
 */
@Document("organisations")
public class Organisation extends Aggregate {

    /** Street address; the postal code is five digits. */
    public record Address(String street, String postalCode, String city) {
    }

    @Id
    private String id;
    private OrganisationType type;
    private LocalizedText name;
    @Indexed(unique = true, sparse = true)
    private String businessId;
    private String municipalityNumber;
    private Address address;
    private String website;
    private String parentId;
    @Indexed
    private Set<String> projectIds = new TreeSet<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Organisation() {
    }

    public static Organisation create(String id, OrganisationType type, LocalizedText name, String businessId,
            String municipalityNumber, Address address, String website, String parentId, Set<String> projectIds) {
        Organisation organisation = new Organisation();
        organisation.id = id;
        organisation.createdAt = Instant.now();
        organisation.change(type, name, businessId, municipalityNumber, address, website, parentId, projectIds);
        return organisation;
    }

    public void change(OrganisationType type, LocalizedText name, String businessId, String municipalityNumber,
            Address address, String website, String parentId, Set<String> projectIds) {
        if (name == null || name.in("fi").isBlank()) {
            throw new DomainRuleViolation("name-missing", "An organisation needs a name in at least one language");
        }
        if (municipalityNumber != null && type != OrganisationType.MUNICIPALITY) {
            throw new DomainRuleViolation("municipality-number", "Only municipalities have a municipality number");
        }
        if (parentId != null && parentId.equals(id)) {
            throw new DomainRuleViolation("parent-self", "An organisation cannot be its own parent");
        }
        this.type = type;
        this.name = name;
        this.businessId = businessId == null || businessId.isBlank() ? null : BusinessId.canonical(businessId);
        this.municipalityNumber = municipalityNumber;
        this.address = address;
        this.website = website;
        this.parentId = parentId;
        this.projectIds = new TreeSet<>(projectIds);
        this.updatedAt = Instant.now();
    }

    /** Links the organisation to a project (its people registered for the project's events); whether it was new. */
    public boolean linkTo(String projectId) {
        boolean added = projectIds.add(projectId);
        if (added) {
            updatedAt = Instant.now();
        }
        return added;
    }

    /** Records what others hear of the change ({@code organisation.changed}), for the cities given; saving publishes it. */
    void recordChanged(java.util.Collection<String> cities) {
        record(RecordedEvent.of(Topics.ORGANISATIONS, id, OrganisationChanged.TYPE, OrganisationChanged.VERSION, cities,
                new OrganisationChanged(version == null ? OrganisationChanged.CREATED : OrganisationChanged.CHANGED, id,
                        type.name(), name, businessId, municipalityNumber, parentId, List.copyOf(projectIds))));
    }

    public String id() {
        return id;
    }

    public OrganisationType type() {
        return type;
    }

    public LocalizedText name() {
        return name;
    }

    public String businessId() {
        return businessId;
    }

    public String municipalityNumber() {
        return municipalityNumber;
    }

    public Address address() {
        return address;
    }

    public String website() {
        return website;
    }

    public String parentId() {
        return parentId;
    }

    public Set<String> projectIds() {
        return Set.copyOf(projectIds);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
