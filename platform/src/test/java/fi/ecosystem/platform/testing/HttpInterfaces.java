package fi.ecosystem.platform.testing;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The endpoints an HTTP interface calls and those controllers serve, as {@code METHOD /path} with the path variables'
 * names left out ({@code GET /api/projects/{}}): a client's interface (a service's {@code *-api} module) and the
 * service's controllers compared in a plain unit test, so that a path renamed on one side fails the build.
 */
public final class HttpInterfaces {

    private HttpInterfaces() {
    }

    /** What the interface's methods call. */
    public static Set<String> calledBy(Class<?> httpInterface) {
        Set<String> endpoints = new TreeSet<>();
        HttpExchange base = AnnotatedElementUtils.findMergedAnnotation(httpInterface, HttpExchange.class);
        for (Method method : httpInterface.getMethods()) {
            HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
            if (exchange != null) {
                endpoints.add(exchange.method() + " " + normalised(path(base) + path(exchange)));
            }
        }
        return endpoints;
    }

    /** What the controllers' handler methods serve. */
    public static Set<String> servedBy(Class<?>... controllers) {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> controller : controllers) {
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping != null) {
                    for (var httpMethod : mapping.method()) {
                        endpoints.add(httpMethod + " " + normalised(path(base) + path(mapping)));
                    }
                }
            }
        }
        return endpoints;
    }

    private static String path(HttpExchange exchange) {
        return exchange == null ? "" : !exchange.url().isEmpty() ? exchange.url() : exchange.value();
    }

    private static String path(RequestMapping mapping) {
        return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
    }

    private static String normalised(String path) {
        String without = path.replaceAll("\\{[^}]*}", "{}");
        return without.length() > 1 && without.endsWith("/") ? without.substring(0, without.length() - 1) : without;
    }
}
