package fi.ecosystem.platform.privacy;

import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.CodedAccessDenied;

/**
 * Who may act on a person's own rights, checked the same way in every service (the caller's token is relayed):
 * a city's admin only, for the export made for the person and for the erasure and its state. The export shows
 * what every city supplied and the erasure removes it everywhere, so neither is staff work nor an integrator's
 * (docs/architecture.md, "The person's own rights").
 */
public final class PersonalDataAccess {

    private PersonalDataAccess() {
    }

    /** 403 problem+json with the code {@code admin-needed} unless the caller is an admin of a city. */
    public static void requireAdmin(CityUser user) {
        if (user.integrator() || user.cities().isEmpty() || !user.roles().contains(CityUser.ADMIN)) {
            throw new CodedAccessDenied("admin-needed", "Only a city's admin may export a person's data for them or erase them");
        }
    }
}
