package fi.ecosystem.contacts.access;

import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with people and organisations. Reading: anyone of a city that sees the person
 * (integrators with contacts:read). Writing: staff, project managers and admins of such a city — the
 * people who run the projects and their events — and integrators with contacts:write. Event organisers
 * reach contacts through registrations. The audit trail: staff and admins only.
 */
public final class ContactsAccess {

    public static final String AREA = "contacts";
    static final Set<String> WRITERS = Set.of(CityUser.STAFF, CityUser.PROJECT_MANAGER, CityUser.ADMIN);
    static final Set<String> AUDITORS = Set.of(CityUser.STAFF, CityUser.ADMIN);

    private ContactsAccess() {
    }

    public static boolean mayWrite(CityUser user) {
        return user.integrator() ? user.scopes().contains(AREA + ":write") : user.roles().stream().anyMatch(WRITERS::contains);
    }

    /** 403 unless the caller may write people and organisations at all (for creating new ones). */
    public static void requireMayWrite(CityUser user) {
        if (!mayWrite(user)) {
            throw new AccessDeniedException(user.integrator() ? "The client lacks the scope " + AREA + ":write"
                    : "The role staff, project-manager or admin is needed");
        }
    }

    /** 404 unless the caller's city sees it, then 403 unless the caller may write. */
    public static void requireWritable(CityUser user, Collection<String> cities, String what) {
        AccessRule.requireVisible(user, AREA, cities, what);
        requireMayWrite(user);
    }

    /** The audit trail: 404 unless visible, then 403 unless staff or admin of the city. */
    public static void requireMayAudit(CityUser user, Collection<String> cities, String what) {
        AccessRule.requireVisible(user, AREA, cities, what);
        if (user.integrator() || user.roles().stream().noneMatch(AUDITORS::contains)) {
            throw new AccessDeniedException("The audit trail is for staff and admins of the city");
        }
    }
}
