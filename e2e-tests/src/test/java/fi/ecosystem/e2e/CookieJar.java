package fi.ecosystem.e2e;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar for one host. The JDK's CookieManager refuses cookies of "localhost" (no
 * embedded dot in the domain), and browsers treat localhost as a secure context, so this jar simply keeps
 * every cookie by name and path, as a browser does on localhost, ignoring ports like browsers do.
 */
final class CookieJar extends CookieHandler {

    private final Map<String, HttpCookie> cookies = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String header = cookies.values().stream()
                .filter(cookie -> !cookie.hasExpired())
                .filter(cookie -> path.startsWith(cookie.getPath() == null ? "/" : cookie.getPath()))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if ("set-cookie".equalsIgnoreCase(name)) {
                for (String value : values) {
                    for (HttpCookie cookie : HttpCookie.parse(value)) {
                        String key = cookie.getName() + "|" + (cookie.getPath() == null ? "/" : cookie.getPath());
                        if (cookie.getMaxAge() == 0) {
                            cookies.remove(key);
                        } else {
                            cookies.put(key, cookie);
                        }
                    }
                }
            }
        });
    }

    String value(String name) {
        return cookies.values().stream().filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("No cookie " + name));
    }
}
