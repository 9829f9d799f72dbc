package fi.ecosystem.events.event;

import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see the people of an event (registrations, their lists and exports, check-in, the online link):
 * membership of a participating city's organisation is not enough, a named role is needed —
 * <ul>
 * <li>{@code event-organiser} of the city that organises the event;</li>
 * <li>{@code staff}, {@code project-manager} or {@code admin} of a city that takes part in the event's project;</li>
 * <li>integrators with {@code events:write}: the scope that registers people also reads them, while
 * {@code events:read} gives the events without their people.</li>
 * </ul>
 * The event itself follows the access rule (404 when not visible); a caller who sees it but not its people
 * gets 403.
 */
public final class ParticipantAccess {

    public static final String PEOPLE_SCOPE = EventService.AREA + ":write";

    private ParticipantAccess() {
    }

    public static boolean mayReadPeople(CityUser user, Event event, Collection<String> cities) {
        if (user.integrator()) {
            return user.scopes().contains(PEOPLE_SCOPE) && user.sharesCityWith(cities);
        }
        if (!user.sharesCityWith(cities)) {
            return false;
        }
        return user.roles().contains(CityUser.STAFF) || user.roles().contains(CityUser.PROJECT_MANAGER)
                || user.roles().contains(CityUser.ADMIN)
                || user.roles().contains(CityUser.EVENT_ORGANISER) && user.cities().contains(event.organisingCity());
    }

    /** 404 if the event is not visible to the caller, 403 if it is but its people are not. */
    public static void requireMayReadPeople(CityUser user, Event event, Collection<String> cities) {
        AccessRule.requireVisible(user, EventService.AREA, cities, "Event " + event.id());
        if (!mayReadPeople(user, event, cities)) {
            throw new AccessDeniedException(user.integrator()
                    ? "The client lacks the scope " + PEOPLE_SCOPE + " for the people of events"
                    : "The people of an event need the role event-organiser of its organising city, or staff, "
                            + "project-manager or admin of a participating city");
        }
    }
}
