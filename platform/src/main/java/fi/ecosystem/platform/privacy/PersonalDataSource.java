package fi.ecosystem.platform.privacy;

import fi.ecosystem.platform.security.CityUser;
import java.util.List;
import java.util.Map;

/**
 * What a service holds about a person, found by the keyed hash of their e-mail, limited to what the caller
 * may see under the access rule. A service that holds personal data declares one bean of this; the
 * platform answers {@code GET /api/gdpr/people} with it, checks the right to export and audits the export.
 */
public interface PersonalDataSource {

    /** @return the person's data by kind, e.g. {@code registrations} → one map per registration */
    Map<String, List<Map<String, Object>>> find(CityUser user, String emailHash);
}
