package fi.ecosystem.platform.security;

import fi.ecosystem.platform.web.NotFoundException;
import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;

/**
 * The access rule (README, "Architecture"), in one place: a city's staff see what their city takes part in
 * (shared between the cities of a project, not siloed); anything else answers 404 so that existence is
 * not revealed. Writing additionally needs a role (city users) or a write scope (integrators) — a caller
 * who may see the thing but not change it gets 403.
 */
public final class AccessRule {

    private AccessRule() {
    }

    /** Throws 404 unless the caller may read {@code area} and shares a city with the thing. */
    public static void requireVisible(CityUser user, String area, Collection<String> cities, String what) {
        if (!user.mayRead(area) || !user.sharesCityWith(cities)) {
            throw new NotFoundException(what);
        }
    }

    /** 404 if the thing is not visible to the caller, 403 if it is but the caller may not change it. */
    public static void requireWritable(CityUser user, String area, String role, Collection<String> cities, String what) {
        requireVisible(user, area, cities, what);
        requireMayWrite(user, area, role);
    }

    /** 403 unless the caller may write {@code area} at all (for creating new things). */
    public static void requireMayWrite(CityUser user, String area, String role) {
        if (!user.mayWrite(area, role)) {
            throw new AccessDeniedException(user.integrator()
                    ? "The client lacks the scope " + area + ":write"
                    : "The role " + role + " is needed");
        }
    }

    /** 403 unless the caller may read {@code area} at all (for lists, which are then filtered by city). */
    public static void requireMayRead(CityUser user, String area) {
        if (!user.mayRead(area)) {
            throw new AccessDeniedException(user.integrator()
                    ? "The client lacks the scope " + area + ":read"
                    : "The user is not a member of any participating city");
        }
    }
}
