package fi.ecosystem.platform.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Object mother of callers for slice tests: tokens shaped like Keycloak's (organization claim, realm
 * roles, scopes). The full-stack tests use real tokens from the real Keycloak.
 */
public final class Callers {

    private Callers() {
    }

    public static JwtRequestPostProcessor cityUser(String city, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt -> jwt
                .subject(city + "-user")
                .claim("preferred_username", city + ".user")
                .claim("organization", List.of(city))
                .claim("realm_access", Map.of("roles", Arrays.asList(roles))));
    }

    public static JwtRequestPostProcessor integrator(String city, String... scopes) {
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt -> jwt
                .subject(city + "-bi")
                .claim("preferred_username", "service-account-" + city + "-bi")
                .claim("client_id", city + "-bi")
                .claim("organization", List.of(city))
                .claim("scope", String.join(" ", scopes)));
    }
}
