package fi.ecosystem.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's JSON API as the pages use it, with the caller's token relayed. Answers are read as plain
 * maps (templates walk them; unknown fields never break a page); errors become {@link ServiceProblem}
 * (the service said no) or {@link ServiceUnavailable} (it did not answer).
 */
public class ServiceClient {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Object>> ARRAY = new ParameterizedTypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> JSON_TYPE = new TypeReference<>() {
    };
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String name;
    private final RestClient client;

    public ServiceClient(String name, RestClient client) {
        this.name = name;
        this.client = client;
    }

    public Map<String, Object> get(String uri, Object... variables) {
        return call(() -> client.get().uri(uri, variables).retrieve().onStatus(HttpStatusCode::isError, this::problem)
                .body(JSON));
    }

    /** An answer that is a JSON array (e.g. a fixed list such as the cities). */
    public List<Object> list(String uri, Object... variables) {
        List<Object> answer = call(() -> client.get().uri(uri, variables).retrieve().onStatus(HttpStatusCode::isError, this::problem)
                .body(ARRAY));
        return answer == null ? List.of() : answer;
    }

    /** The {@code items} of a page answer. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(String uri, Object... variables) {
        Map<String, Object> page = get(uri, variables);
        return page == null || !(page.get("items") instanceof List<?> items) ? List.of() : (List<Map<String, Object>>) items;
    }

    public Map<String, Object> post(Object body, String uri, Object... variables) {
        return send(client.post(), body, uri, variables);
    }

    public Map<String, Object> put(Object body, String uri, Object... variables) {
        return send(client.put(), body, uri, variables);
    }

    public Map<String, Object> delete(String uri, Object... variables) {
        return call(() -> client.delete().uri(uri, variables).retrieve().onStatus(HttpStatusCode::isError, this::problem)
                .body(JSON));
    }

    /** A body that is not JSON (a CSV file), answered with JSON. */
    public Map<String, Object> postRaw(byte[] body, MediaType type, String uri, Object... variables) {
        return call(() -> client.post().uri(uri, variables).contentType(type).body(body).retrieve()
                .onStatus(HttpStatusCode::isError, this::problem).body(JSON));
    }

    /** A file the service writes (CSV, XLSX), passed on as it comes. */
    public ResponseEntity<byte[]> download(String uri, Object... variables) {
        return call(() -> client.get().uri(uri, variables).retrieve().onStatus(HttpStatusCode::isError, this::problem)
                .toEntity(byte[].class));
    }

    /** Where a streamed file goes: its type as the service said, and its bytes as they arrive. */
    @FunctionalInterface
    public interface FileSink {
        void accept(MediaType type, InputStream body) throws IOException;
    }

    /**
     * A file the service writes (a registrations export of thousands of rows), copied to the sink as it arrives,
     * never held whole. A refusal is thrown before the sink sees anything, so the page can still answer it.
     */
    public void stream(FileSink sink, String uri, Object... variables) {
        call(() -> client.get().uri(uri, variables).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                problem(request, response);
            }
            sink.accept(response.getHeaders().getContentType(), response.getBody());
            return null;
        }));
    }

    private Map<String, Object> send(RestClient.RequestBodyUriSpec method, Object body, String uri, Object... variables) {
        return call(() -> {
            RestClient.RequestBodySpec request = method.uri(uri, variables).contentType(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.body(body);
            }
            return request.retrieve().onStatus(HttpStatusCode::isError, this::problem).body(JSON);
        });
    }

    private <T> T call(java.util.function.Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (ServiceProblem | ServiceUnavailable known) {
            throw known;
        } catch (RestClientException e) {
            throw new ServiceUnavailable(name, e);
        }
    }

    /** For a typed client of the same service: a refusal becomes {@link ServiceProblem}, a 5xx {@link ServiceUnavailable}. */
    public static RestClient.ResponseSpec.ErrorHandler problems(String service) {
        return new ServiceClient(service, null)::problem;
    }

    /** For a typed client: no answer at all (refused, timed out) becomes {@link ServiceUnavailable}. */
    public static org.springframework.http.client.ClientHttpRequestInterceptor unavailableAs(String service) {
        return (request, body, execution) -> {
            try {
                return execution.execute(request, body);
            } catch (IOException noAnswer) {
                throw new ServiceUnavailable(service, noAnswer);
            }
        };
    }

    private void problem(org.springframework.http.HttpRequest request, org.springframework.http.client.ClientHttpResponse response)
            throws IOException {
        int status = response.getStatusCode().value();
        if (status >= 500) {
            throw new ServiceUnavailable(name, new IOException("HTTP " + status + " from " + request.getURI()));
        }
        Map<String, Object> body = Map.of();
        try (InputStream in = response.getBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length > 0) {
                body = MAPPER.readValue(bytes, JSON_TYPE);
            }
        } catch (RuntimeException unreadable) {
            // not problem+json (e.g. a proxy's page): the status is all we know
        }
        throw ServiceProblem.of(status, body);
    }

}
