package fi.ecosystem.platform.privacy;

import fi.ecosystem.platform.security.CityUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may act on a person's rights, checked the same way in every service (the caller's token is relayed):
 * <ul>
 * <li>export for the person (everything, from every source) and the state of an erasure: a city's admin only —
 * it shows what other cities supplied too, so it is the guarded exception to the per-city view of people; no
 * integrator;</li>
 * <li>erasure: a city's admin only — it is irreversible and removes data that other cities' projects use too;
 * no integrator may erase.</li>
 * </ul>
 */
public final class PersonalDataAccess {

    private PersonalDataAccess() {
    }

    public static void requireMayExport(CityUser user) {
        if (user.integrator() || user.cities().isEmpty() || !user.roles().contains(CityUser.ADMIN)) {
            throw new AccessDeniedException("Only a city's admin may export everything about a person");
        }
    }

    public static void requireMayErase(CityUser user) {
        if (user.integrator() || user.cities().isEmpty() || !user.roles().contains(CityUser.ADMIN)) {
            throw new AccessDeniedException("Only a city's admin may erase a person");
        }
    }
}
