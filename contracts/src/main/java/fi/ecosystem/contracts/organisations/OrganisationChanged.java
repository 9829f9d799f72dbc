package fi.ecosystem.contracts.organisations;

import fi.ecosystem.contracts.LocalizedText;
import java.util.List;

/**
 * An organisation was created or changed. Topic {@code organisations}, key = organisation id.
 *
 * @param change   {@code created} or {@code changed}
 * @param type     MUNICIPALITY, REGIONAL_COUNCIL, DEVELOPMENT_COMPANY, COMPANY, UNIVERSITY, RESEARCH_INSTITUTE or NETWORK
 * @param businessId the Finnish business ID (Y-tunnus) with a valid check digit, if it has one
 */
public record OrganisationChanged(
        String change,
        String organisationId,
        String type,
        LocalizedText name,
        String businessId,
        String municipalityNumber,
        String parentId,
        List<String> projectIds) {

    public static final String TYPE = "organisation.changed";
    public static final String CREATED = "created";
    public static final String CHANGED = "changed";
    public static final int VERSION = 1;
}
