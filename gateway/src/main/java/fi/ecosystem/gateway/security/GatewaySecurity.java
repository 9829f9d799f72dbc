package fi.ecosystem.gateway.security;

import fi.ecosystem.gateway.GatewayProperties;
import fi.ecosystem.gateway.errors.BrowserErrorPage;
import fi.ecosystem.gateway.errors.ProblemResponses;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Two ways in. Integrators send a bearer token: checked here (and again by every service), no session,
 * no CSRF. Browsers log in through Keycloak with the authorization-code flow and PKCE, choosing their
 * city; the gateway keeps the tokens in the session and relays the access token to the services. The
 * browser session is protected against CSRF with a double-submit cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurity {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySecurity.class);

    /**
     * The APIs, every path of which needs a signed-in user or a token. Their rule comes first in both chains, so an
     * API request is decided by one path match: the open paths' list after it is an OR of 18 matchers, which Spring
     * Security tries one by one, formatting a debug message for each whether or not debug is on. No open path lies
     * under it.
     */
    private static final ServerWebExchangeMatcher API = new PathPatternParserServerWebExchangeMatcher("/api/**");

    static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/public/**",
        "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/sign-in", "/oauth2/**", "/login/**",
        "/", "/events", "/events/**", "/assets/**", "/favicon.ico", "/error"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self' %s; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties gateway) {
        String publicRealm = gateway.issuer();
        String internalRealm = gateway.internalRealmUrl();
        // endpoints given explicitly: no discovery call at start-up, so the gateway starts before Keycloak does
        ClientRegistration keycloak = ClientRegistration.withRegistrationId("keycloak")
                .clientId(gateway.clientId())
                .clientSecret(gateway.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email", "organization")
                .authorizationUri(publicRealm + "/protocol/openid-connect/auth")
                .tokenUri(internalRealm + "/protocol/openid-connect/token")
                .jwkSetUri(internalRealm + "/protocol/openid-connect/certs")
                .userInfoUri(internalRealm + "/protocol/openid-connect/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(publicRealm)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", publicRealm + "/protocol/openid-connect/logout"))
                .clientName("Keycloak")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }

    /** Authorized clients (the user's tokens) live in the web session, so a shared session store serves every replica. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties gateway) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(gateway.internalRealmUrl() + "/protocol/openid-connect/certs").build();
        OAuth2TokenValidator<Jwt> validator = apiTokens(gateway);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    /**
     * The same rule as every service's (platform {@code ApiTokens}): unexpired, from the realm, made for the
     * API (audience) and issued to the gateway or a registered integrator ({@code azp}); a token of any other
     * client of the realm, or a lightweight one (no audience, no subject), is refused.
     */
    static OAuth2TokenValidator<Jwt> apiTokens(GatewayProperties gateway) {
        Set<String> clients = Set.copyOf(gateway.apiClients());
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(gateway.clockSkew()),
                new JwtIssuerValidator(gateway.issuer()),
                new JwtAudienceValidator(gateway.apiAudience()),
                new JwtClaimValidator<Object>("azp", client -> client instanceof String id && clients.contains(id)),
                new JwtClaimValidator<Object>("sub", subject -> subject instanceof String id && !id.isBlank()));
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain integrators(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, GatewayProperties gateway) {
        http.securityMatcher(GatewaySecurity::hasBearerToken)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.matchers(API).authenticated()
                        .pathMatchers(OPEN).permitAll().anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .authenticationEntryPoint(ProblemResponses.unauthorized()))
                .headers(headers -> securityHeaders(headers, gateway));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browsers(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
            CitySignIn citySignIn, GatewayProperties gateway, BrowserErrorPage errorPages) {
        ServerAccessDeniedHandler refused = (exchange, denied) -> errorPages.write(exchange, HttpStatus.FORBIDDEN,
                denied instanceof CsrfException ? "csrf-token-invalid" : "403");
        OidcClientInitiatedServerLogoutSuccessHandler logout = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeExchange(exchanges -> exchanges.matchers(API).authenticated()
                        .pathMatchers(OPEN).permitAll().anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(citySignIn.resolver(clients))
                        .authenticationFailureHandler(SIGN_IN_FAILED))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()).accessDeniedHandler(refused))
                .csrf(csrf -> csrf
                        .accessDeniedHandler(refused)
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        // plain double-submit: server-rendered forms echo the cookie's token in a hidden field
                        .csrfTokenRequestHandler(formFieldOrHeader())
                        .requireCsrfProtectionMatcher(GatewaySecurity::needsCsrfProtection))
                .logout(logoutSpec -> logoutSpec.logoutSuccessHandler(logout))
                .headers(headers -> securityHeaders(headers, gateway));
        return http.build();
    }

    /**
     * A sign-in that does not complete (the authorization request is not in the session any more, Keycloak answered
     * with an error, the token was refused) goes back to the city sign-in page, which says so in the user's language,
     * instead of Spring's untranslated {@code /login?error} page. The reason is logged (an OAuth2 error code, never a
     * token), because the browser is told only to try again.
     */
    private static final ServerAuthenticationFailureHandler SIGN_IN_FAILED = (exchange, failure) -> {
        String reason = failure instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode()
                : failure.getClass().getSimpleName();
        LOG.warn("Sign-in did not complete: {} ({})", reason, failure.getMessage());
        return new RedirectServerAuthenticationFailureHandler("/sign-in?failed").onAuthenticationFailure(exchange, failure);
    };

    /** The token from the X-XSRF-TOKEN header or the {@code _csrf} field, also of a file upload (multipart) form. */
    private static ServerCsrfTokenRequestAttributeHandler formFieldOrHeader() {
        ServerCsrfTokenRequestAttributeHandler handler = new ServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    /** APIs answer 401 problem+json; pages send the browser to the city sign-in page. */
    private static DelegatingServerAuthenticationEntryPoint entryPoint() {
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"), ProblemResponses.unauthorized()));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/sign-in"));
        return entryPoint;
    }

    private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers, GatewayProperties gateway) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        CONTENT_SECURITY_POLICY.formatted(URI.create(gateway.keycloakPublicUrl()).resolve("/").toString())))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .hsts(hsts -> hsts.includeSubdomains(true).maxAge(java.time.Duration.ofDays(365)));
    }

    private static Mono<MatchResult> hasBearerToken(org.springframework.web.server.ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? MatchResult.match() : MatchResult.notMatch();
    }

    /**
     * The public endpoints and the public forms act without the session's authority (anyone may register
     * for a published event; a cancellation needs the registrant's private link, a survey answer the attendee's
     * survey link), so there is nothing to
     * forge, and a visitor whose browser keeps no cookies can still register.
     */
    private static final ServerWebExchangeMatcher ACTS_WITHOUT_SESSION = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers("/public/**"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/events/*/register", "/events/registrations/*/cancel",
                    "/events/feedback/*"));

    /** Unsafe methods of the browser session need the CSRF token. */
    private static Mono<MatchResult> needsCsrfProtection(org.springframework.web.server.ServerWebExchange exchange) {
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            return MatchResult.notMatch();
        }
        return ACTS_WITHOUT_SESSION.matches(exchange)
                .flatMap(result -> result.isMatch() ? MatchResult.notMatch() : MatchResult.match());
    }
}
