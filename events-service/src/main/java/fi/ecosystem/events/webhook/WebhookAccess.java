package fi.ecosystem.events.webhook;

import fi.ecosystem.contracts.PersonalData;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The access rule for webhooks, in one place. An integrator receives an event only if it could read the thing
 * through the API: its client has the read scope of the event's area and acts for a city the event belongs to
 * (the envelope's {@code cities}, the same the REST API checks). The personal fields of a payload (contracts'
 * {@link PersonalData}: a registration's participant, a contact's name, a project's contact persons) go only to
 * a client that may read those people through the API — {@code events:write} for registrations (as the
 * registrations API, {@code ParticipantAccess}), {@code contacts:read} for contacts and projects' contact persons;
 * other clients get the same event without those fields.
 */
public final class WebhookAccess {

    /** Event type prefixes and the area (scope prefix) whose read scope a client needs for them. */
    static final Map<String, String> AREAS = areas();

    /** A type is {@code <prefix>.<name>} or {@code <prefix>.*}, for all types of that prefix. */
    private static final Pattern TYPE = Pattern.compile("([a-z]+)\\.([a-z][a-z-]*|\\*)");

    private WebhookAccess() {
    }

    private static Map<String, String> areas() {
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put("project", "projects");
        areas.put("event", "events");
        areas.put("registration", "events");
        areas.put("contact", "contacts");
        areas.put("organisation", "contacts");
        return Map.copyOf(areas);
    }

    /** The area of an event type or pattern, if it is one webhooks offer. */
    public static Optional<String> areaOf(String type) {
        if (type == null) {
            return Optional.empty();
        }
        var matcher = TYPE.matcher(type);
        return matcher.matches() ? Optional.ofNullable(AREAS.get(matcher.group(1))) : Optional.empty();
    }

    /** What an endpoint lists to receive: the type itself and its prefix's wildcard. */
    public static List<String> patternsMatching(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? List.of(type) : List.of(type, type.substring(0, dot) + ".*");
    }

    /** May a client with these scopes subscribe to the type (or pattern) at all? */
    public static boolean mayReceive(Set<String> scopes, String type) {
        return areaOf(type).map(area -> scopes.contains(area + ":read") || scopes.contains(area + ":write")).orElse(false);
    }

    /** May a client of these cities and scopes receive this event? The access rule, as the API applies it. */
    public static boolean mayReceive(Set<String> scopes, Set<String> clientCities, String type, Collection<String> eventCities) {
        return mayReceive(scopes, type) && eventCities != null && eventCities.stream().anyMatch(clientCities::contains);
    }

    /** May a client with these scopes receive the personal fields of an event of this type? */
    public static boolean mayReceivePersonalData(Set<String> scopes, String type) {
        if (PersonalData.of(type).isEmpty()) {
            return true;
        }
        String scope = type.startsWith("registration.") ? "events:write" : "contacts:read";
        return scopes.contains(scope) || scope.equals("contacts:read") && scopes.contains("contacts:write");
    }

    /** The payload without its personal fields (already opened by the inbox), for a client without the scope for them. */
    public static Map<String, Object> withoutPersonalData(String type, Map<String, Object> opened) {
        Optional<PersonalData.Rule> rule = PersonalData.of(type);
        if (rule.isEmpty()) {
            return opened;
        }
        Map<String, Object> data = new LinkedHashMap<>(opened);
        rule.get().fields().forEach(data::remove);
        data.remove(PersonalData.SEALED);
        return data;
    }
}
