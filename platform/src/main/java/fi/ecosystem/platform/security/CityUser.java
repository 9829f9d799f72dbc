package fi.ecosystem.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the access rule needs it: the cities (Keycloak organizations) the caller acts for,
 * their roles, and — for integrators (service-account clients) — the scopes they were granted.
 * Built from the token in the same way in every service.
 */
public record CityUser(
        String subject,
        String displayName,
        Set<String> cities,
        Set<String> roles,
        Set<String> scopes,
        boolean integrator) {

    public static final String STAFF = "staff";
    public static final String PROJECT_MANAGER = "project-manager";
    public static final String EVENT_ORGANISER = "event-organiser";
    public static final String ADMIN = "admin";

    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    public CityUser {
        cities = Set.copyOf(cities);
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public static CityUser from(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        boolean integrator = jwt.hasClaim("client_id")
                || (username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX));
        String displayName = firstNonBlank(jwt.getClaimAsString("name"), username, jwt.getSubject());
        return new CityUser(jwt.getSubject(), displayName, organizations(jwt.getClaims().get("organization")),
                realmRoles(jwt), scopes(jwt), integrator);
    }

    /** Does the caller act for at least one of these cities? The heart of the access rule. */
    public boolean sharesCityWith(Collection<String> participatingCities) {
        if (participatingCities == null) {
            return false;
        }
        for (String city : participatingCities) {
            if (cities.contains(city)) {
                return true;
            }
        }
        return false;
    }

    /** Integrators need {@code <area>:read}; city users read whatever their city takes part in. */
    public boolean mayRead(String area) {
        return integrator ? scopes.contains(area + ":read") || scopes.contains(area + ":write") : !cities.isEmpty();
    }

    /** Integrators need {@code <area>:write}; city users need the role (admins of the city may too). */
    public boolean mayWrite(String area, String role) {
        return integrator ? scopes.contains(area + ":write") : roles.contains(role) || roles.contains(ADMIN);
    }

    public String primaryCity() {
        return cities.stream().sorted().findFirst().orElse(null);
    }

    /**
     * Keycloak writes the organization claim as a list of aliases, or — with "add organization attributes" —
     * as an object keyed by alias. Both are accepted.
     */
    private static Set<String> organizations(Object claim) {
        Set<String> result = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        } else if (claim instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> result.add(String.valueOf(key)));
        } else if (claim instanceof String single && !single.isBlank()) {
            result.add(single);
        }
        return result;
    }

    private static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            Set<String> result = new LinkedHashSet<>();
            roles.forEach(role -> result.add(String.valueOf(role)));
            return result;
        }
        return Set.of();
    }

    private static Set<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        return scope == null || scope.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
