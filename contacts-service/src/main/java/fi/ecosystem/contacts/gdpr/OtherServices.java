package fi.ecosystem.contacts.gdpr;

import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.privacy.ErasureController.ErasureDone;
import fi.ecosystem.platform.privacy.PersonalDataReport;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The other services that hold personal data, asked over their APIs with the caller's own token: each
 * applies the access rule to what it gives, so an export never shows more than the caller may see.
 * Base URLs from {@code ecosystem.gdpr.services} (the launcher's, compose's and Kubernetes'
 * {@code *_SERVICE_URL}).
 */
@Component
public class OtherServices {

    /** @param services service name → base URL */
    @ConfigurationProperties("ecosystem.gdpr")
    public record Settings(Map<String, String> services, Duration timeout) {
    }

    /** A service did not answer: an export or a state that leaves it out would be wrong, so none is given. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String service, Exception cause) {
            super(service + " did not answer; try again shortly", cause);
        }
    }

    private final Map<String, RestClient> clients = new LinkedHashMap<>();

    private final EmailHash emailHash;

    /**
     * Clients from Boot's builder (traced and metered, connect timeout from {@code spring.http.clients.*}), each
     * with this setting's read timeout.
     */
    OtherServices(Settings settings, EmailHash emailHash, ObjectProvider<RestClient.Builder> builders,
            ClientHttpRequestFactoryBuilder<?> requestFactories, HttpClientSettings httpSettings) {
        this.emailHash = emailHash;
        HttpClientSettings timeouts = settings.timeout() == null ? httpSettings : httpSettings.withReadTimeout(settings.timeout());
        settings.services().forEach((service, url) -> clients.put(service, builders.getObject().baseUrl(url)
                .requestFactory(requestFactories.build(timeouts)).requestInterceptor(relayToken()).build()));
    }

    public List<String> names() {
        return List.copyOf(clients.keySet());
    }

    /** What each service holds under this address, asked by its keyed hash: the address never leaves contacts-service. */
    public List<PersonalDataReport> personalData(String email, String contactId) {
        String emailHash = this.emailHash.of(email);
        List<PersonalDataReport> reports = new ArrayList<>();
        clients.forEach((service, client) -> {
            try {
                reports.add(client.get().uri(uri -> uri.path("/api/gdpr/people").queryParam("emailHash", emailHash)
                        .queryParam("contactId", contactId).build()).retrieve().body(PersonalDataReport.class));
            } catch (RestClientException e) {
                throw new Unavailable(service, e);
            }
        });
        return reports;
    }

    /** A city as projects-service names it: its alias and its name in fi/sv/en. */
    public record City(String alias, fi.ecosystem.contracts.LocalizedText name) {
    }

    /**
     * The names of the cities (alias → name), from projects-service, which keeps the list of cities that take part
     * in projects. None when it does not answer: a document then names a city by its alias, which is better than none.
     */
    public Map<String, fi.ecosystem.contracts.LocalizedText> cityNames() {
        RestClient projects = clients.get("projects-service");
        Map<String, fi.ecosystem.contracts.LocalizedText> names = new LinkedHashMap<>();
        if (projects == null) {
            return names;
        }
        try {
            City[] cities = projects.get().uri("/api/projects/cities").retrieve().body(City[].class);
            for (City city : cities == null ? new City[0] : cities) {
                if (city != null && city.alias() != null && city.name() != null) {
                    names.put(city.alias(), city.name());
                }
            }
        } catch (RestClientException | IllegalArgumentException e) {
            // names only make the document nicer; its content is complete without them
        }
        return names;
    }

    /** Each service's answer: done (when, how much) or not yet. */
    public Map<String, Optional<ErasureDone>> erasures(String contactId) {
        Map<String, Optional<ErasureDone>> states = new LinkedHashMap<>();
        clients.forEach((service, client) -> {
            try {
                states.put(service, Optional.ofNullable(client.get().uri("/api/gdpr/erasures/{id}", contactId).retrieve()
                        .body(ErasureDone.class)));
            } catch (HttpClientErrorException e) {
                if (e.getStatusCode() != HttpStatus.NOT_FOUND) {
                    throw new Unavailable(service, e);
                }
                states.put(service, Optional.empty());
            } catch (RestClientException e) {
                throw new Unavailable(service, e);
            }
        });
        return states;
    }

    /** Passes the caller's own token on: the services decide what this caller may see. */
    private static ClientHttpRequestInterceptor relayToken() {
        return (request, body, execution) -> {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
                request.getHeaders().setBearerAuth(token.getToken().getTokenValue());
            }
            return execution.execute(request, body);
        };
    }
}
