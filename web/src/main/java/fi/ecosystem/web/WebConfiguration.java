package fi.ecosystem.web;

import java.util.Locale;
import fi.ecosystem.events.api.EventsApi;
import fi.ecosystem.events.api.PublicEventsApi;
import fi.ecosystem.contacts.api.ContactsApi;
import fi.ecosystem.projects.api.ProjectsApi;
import fi.ecosystem.projects.api.reporting.ReportingApi;
import fi.ecosystem.web.support.ClientAddress;
import fi.ecosystem.web.support.ServiceClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The UI runs behind the gateway, which holds the browser session, enforces CSRF and relays the user's
 * access token. Here the token is validated again (platform security) and passed on to the services,
 * which apply the access rule themselves.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String STAFF_PAGES = "/app/**";

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/app", STAFF_PAGES).authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(
                        new fi.ecosystem.platform.security.CityUserAuthentication())));
        return http.build();
    }

    /*
     * Each client from Boot's RestClient.Builder (a new builder per injection point): calls carry the
     * request's trace, are metered (http.client.requests) and time out (spring.http.clients.*).
     */
    @Bean
    ServiceClient projectsService(RestClient.Builder builder,
            @Value("${PROJECTS_SERVICE_URL:http://localhost:8081}") String baseUrl) {
        return new ServiceClient("projects-service", client(builder, baseUrl));
    }

    @Bean
    ServiceClient eventsService(RestClient.Builder builder, @Value("${EVENTS_SERVICE_URL:http://localhost:8083}") String baseUrl) {
        return new ServiceClient("events-service", client(builder, baseUrl));
    }

    @Bean
    ServiceClient contactsService(RestClient.Builder builder,
            @Value("${CONTACTS_SERVICE_URL:http://localhost:8082}") String baseUrl) {
        return new ServiceClient("contacts-service", client(builder, baseUrl));
    }

    /** events-service through its HTTP interfaces: its answers arrive as the records the service answers with. */
    @Bean
    HttpServiceProxyFactory eventsServiceProxies(RestClient.Builder builder,
            @Value("${EVENTS_SERVICE_URL:http://localhost:8083}") String baseUrl) {
        RestClient client = builder.baseUrl(baseUrl).requestInterceptor(relayToken()).requestInterceptor(relayClientAddress())
                .requestInterceptor(ServiceClient.unavailableAs("events-service"))
                .defaultStatusHandler(HttpStatusCode::isError, ServiceClient.problems("events-service")).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build();
    }

    @Bean
    EventsApi eventsApi(HttpServiceProxyFactory eventsServiceProxies) {
        return eventsServiceProxies.createClient(EventsApi.class);
    }

    @Bean
    PublicEventsApi publicEventsApi(HttpServiceProxyFactory eventsServiceProxies) {
        return eventsServiceProxies.createClient(PublicEventsApi.class);
    }

    /** projects-service through its HTTP interface ({@code projects-api}). */
    @Bean
    ProjectsApi projectsApi(RestClient.Builder builder, @Value("${PROJECTS_SERVICE_URL:http://localhost:8081}") String baseUrl) {
        return proxies(builder, baseUrl, "projects-service").createClient(ProjectsApi.class);
    }

    /** projects-service's reporting periods through their HTTP interface ({@code projects-api}). */
    @Bean
    ReportingApi reportingApi(RestClient.Builder builder, @Value("${PROJECTS_SERVICE_URL:http://localhost:8081}") String baseUrl) {
        return proxies(builder, baseUrl, "projects-service").createClient(ReportingApi.class);
    }

    /** contacts-service through its HTTP interface ({@code contacts-api}). */
    @Bean
    ContactsApi contactsApi(RestClient.Builder builder, @Value("${CONTACTS_SERVICE_URL:http://localhost:8082}") String baseUrl) {
        return proxies(builder, baseUrl, "contacts-service").createClient(ContactsApi.class);
    }

    /** A service's typed clients: the caller's token and address relayed, refusals and silence as the pages expect them. */
    private static HttpServiceProxyFactory proxies(RestClient.Builder builder, String baseUrl, String service) {
        RestClient client = builder.baseUrl(baseUrl).requestInterceptor(relayToken()).requestInterceptor(relayClientAddress())
                .requestInterceptor(ServiceClient.unavailableAs(service))
                .defaultStatusHandler(HttpStatusCode::isError, ServiceClient.problems(service)).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build();
    }

    private static RestClient client(RestClient.Builder builder, String baseUrl) {
        return builder.baseUrl(baseUrl).requestInterceptor(relayToken()).requestInterceptor(relayClientAddress()).build();
    }

    /** Passes the browser's address on (as the gateway gave it), so that services apply their per-address rules to it. */
    private static ClientHttpRequestInterceptor relayClientAddress() {
        return (request, body, execution) -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                request.getHeaders().set(ClientAddress.HEADER, ClientAddress.of(attributes.getRequest()));
            }
            return execution.execute(request, body);
        };
    }

    /** Passes the caller's own token on: the services decide what this user may see. */
    private static ClientHttpRequestInterceptor relayToken() {
        return (request, body, execution) -> {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
                request.getHeaders().setBearerAuth(token.getToken().getTokenValue());
            }
            return execution.execute(request, body);
        };
    }

    private static final java.util.Set<String> SUPPORTED = java.util.Set.of("fi", "sv", "en");
    private static final Locale FINNISH = Locale.forLanguageTag("fi");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
        // without ?lang= or the cookie (a first visit from a link): the browser's first language we have, else Finnish
        // (only a header the browser sent counts: without one the servlet container answers its own default)
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? FINNISH
                : java.util.Collections.list(request.getLocales()).stream().map(Locale::getLanguage)
                        .filter(SUPPORTED::contains).findFirst().map(Locale::forLanguageTag).orElse(FINNISH));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        registry.addInterceptor(languageSwitch);
    }
}
