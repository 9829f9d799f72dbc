package fi.ecosystem.platform.privacy;

import fi.ecosystem.platform.security.CityUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may act on a person's rights, checked the same way in every service (the caller's token is relayed):
 * <ul>
 * <li>export (and the state of an erasure): city staff or admins; integrators with {@code contacts:write}
 * (a city's CRM answering requests) — what each service gives is then limited by the access rule;</li>
 * <li>erasure: a city's admin only — it is irreversible and removes data that other cities' projects use too;
 * no integrator may erase.</li>
 * </ul>
 */
public final class PersonalDataAccess {

    static final String EXPORT_SCOPE = "contacts:write";

    private PersonalDataAccess() {
    }

    public static void requireMayExport(CityUser user) {
        boolean may = user.integrator() ? user.scopes().contains(EXPORT_SCOPE)
                : !user.cities().isEmpty() && (user.roles().contains(CityUser.STAFF) || user.roles().contains(CityUser.ADMIN));
        if (!may) {
            throw new AccessDeniedException(user.integrator() ? "The client lacks the scope " + EXPORT_SCOPE
                    : "The role staff or admin of a participating city is needed");
        }
    }

    public static void requireMayErase(CityUser user) {
        if (user.integrator() || user.cities().isEmpty() || !user.roles().contains(CityUser.ADMIN)) {
            throw new AccessDeniedException("Only a city's admin may erase a person");
        }
    }
}
