package fi.ecosystem.contacts.api;

import fi.ecosystem.contracts.LocalizedText;
import java.util.Set;

/** An organisation linked to projects of the caller's cities. */
public record OrganisationResponse(String id, OrganisationType type, LocalizedText name, String businessId,
        String municipalityNumber, Address address, String website, String parentId, Set<String> projectIds) {

    public OrganisationResponse {
        projectIds = projectIds == null ? Set.of() : projectIds;
    }

    public record Address(String street, String postalCode, String city) {
    }
}
