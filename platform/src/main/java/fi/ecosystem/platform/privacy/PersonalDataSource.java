package fi.ecosystem.platform.privacy;

import java.util.List;
import java.util.Map;

/**
 * Everything a service holds about a person, found by the keyed hash of their e-mail, whichever city's project
 * it came from: the export is made for the person (GDPR art. 15), the one exception to the per-city view. Only
 * a city's admin may ask, and only contacts-service hands out the keyed hash, after checking that the admin's
 * city sees the person and telling the other cities (docs/architecture.md). A service that holds personal data
 * declares one bean of this; the platform answers {@code GET /api/gdpr/people} with it, checks the role and
 * audits the export.
 */
public interface PersonalDataSource {

    /** @return the person's data by kind, e.g. {@code registrations} → one map per registration */
    Map<String, List<Map<String, Object>>> find(String emailHash);
}
