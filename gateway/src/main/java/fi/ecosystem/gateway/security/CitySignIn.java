package fi.ecosystem.gateway.security;

import fi.ecosystem.gateway.GatewayProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Login per city. The sign-in page links to {@code /oauth2/authorization/keycloak?city=<alias>}; for a
 * city with its own identity provider the authorization request carries {@code kc_idp_hint}, so the
 * browser goes straight to that city's login; other cities log in with their Keycloak organization
 * (whose e-mail domain Keycloak also recognises on its own login page). PKCE on every request.
 */
@Component
public class CitySignIn {

    private final GatewayProperties gateway;

    CitySignIn(GatewayProperties gateway) {
        this.gateway = gateway;
    }

    ServerOAuth2AuthorizationRequestResolver resolver(ReactiveClientRegistrationRepository clients) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new ServerOAuth2AuthorizationRequestResolver() {
            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
                return resolver.resolve(exchange).map(request -> withCity(exchange, request));
            }

            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String registrationId) {
                return resolver.resolve(exchange, registrationId).map(request -> withCity(exchange, request));
            }
        };
    }

    private OAuth2AuthorizationRequest withCity(ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
        var query = exchange.getRequest().getQueryParams();
        Map<String, Object> extra = new LinkedHashMap<>(request.getAdditionalParameters());
        city(query.getFirst("city")).map(GatewayProperties.City::identityProvider)
                .filter(idp -> !idp.isBlank())
                .ifPresent(idp -> extra.put("kc_idp_hint", idp));
        String language = query.getFirst("lang");
        if (language != null && language.matches("fi|sv|en")) {
            extra.put("ui_locales", language);
        }
        return OAuth2AuthorizationRequest.from(request).additionalParameters(extra).build();
    }

    Optional<GatewayProperties.City> city(String alias) {
        return alias == null ? Optional.empty()
                : gateway.cities().stream().filter(city -> city.alias().equals(alias)).findFirst();
    }
}
