package fi.ecosystem.contacts.access;

import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with people and organisations. Reading people: staff, project managers and admins of a
 * city that sees the person; event organisers the people of their events (through participations); integrators
 * with contacts:read. A bare member of a city's organisation reads nothing personal. Writing: staff, project
 * managers and admins of such a city — the people who run the projects and their events — and integrators with
 * contacts:write. The audit trail: staff and admins only. Which facts of a visible person a caller sees is
 * decided by their source (docs/architecture.md).
 */
public final class ContactsAccess {

    public static final String AREA = "contacts";
    static final Set<String> WRITERS = Set.of(CityUser.STAFF, CityUser.PROJECT_MANAGER, CityUser.ADMIN);
    static final Set<String> AUDITORS = Set.of(CityUser.STAFF, CityUser.ADMIN);

    private ContactsAccess() {
    }

    static final Set<String> READERS = Set.of(CityUser.STAFF, CityUser.PROJECT_MANAGER, CityUser.ADMIN);

    /** 403 (code role-needed) unless the caller may read people at all: a role, or an integrator's scope. */
    public static void requireMayReadPeople(CityUser user) {
        boolean may = user.integrator() ? user.mayRead(AREA)
                : !user.cities().isEmpty() && (user.roles().stream().anyMatch(READERS::contains)
                        || user.roles().contains(CityUser.EVENT_ORGANISER));
        if (!may) {
            throw new RoleNeeded(user.integrator() ? "The client lacks the scope " + AREA + ":read"
                    : "Personal data needs the role staff, project-manager, event-organiser or admin of a participating city");
        }
    }

    /** An event organiser without another reading role sees people only through the events of their city's projects. */
    public static boolean seesParticipantsOnly(CityUser user) {
        return !user.integrator() && user.roles().stream().noneMatch(READERS::contains)
                && user.roles().contains(CityUser.EVENT_ORGANISER);
    }

    /** 403 with the code {@code role-needed}: the UI says which role is missing. */
    public static class RoleNeeded extends org.springframework.web.ErrorResponseException {
        RoleNeeded(String detail) {
            super(org.springframework.http.HttpStatus.FORBIDDEN, problem(detail), null);
        }

        private static org.springframework.http.ProblemDetail problem(String detail) {
            org.springframework.http.ProblemDetail problem = fi.ecosystem.platform.web.Problems.of(
                    org.springframework.http.HttpStatus.FORBIDDEN, "role-needed", detail);
            problem.setProperty("code", "role-needed");
            return problem;
        }
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

    /** The audit trail of a visible person: 403 unless staff or admin of the city. */
    public static void requireMayAudit(CityUser user) {
        if (user.integrator() || user.roles().stream().noneMatch(AUDITORS::contains)) {
            throw new AccessDeniedException("The audit trail is for staff and admins of the city");
        }
    }
}
