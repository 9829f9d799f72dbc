package fi.ecosystem.platform.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the current request. */
public final class CurrentCityUser {

    private CurrentCityUser() {
    }

    public static CityUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return CityUser.from(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("No bearer token");
    }
}
