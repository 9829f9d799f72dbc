package fi.ecosystem.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;

/**
 * What the public can reach without signing in, as routing and security see it: the decoded path with
 * its dot segments resolved, so that {@code /%70ublic/…} or {@code /events/./x/register} is the same
 * request as the plain one. Every write outside the signed-in areas ({@code /api}, {@code /app}) is a
 * public write, whether it comes through the JSON API or a web form; reads are limited on {@code /public}.
 */
final class PublicSurface {

    enum Budget { READ, WRITE, NONE }

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private PublicSurface() {
    }

    static Budget budget(HttpMethod method, RequestPath path) {
        String normalised = normalise(path.pathWithinApplication()).toLowerCase(Locale.ROOT);
        if (!SAFE.contains(method)) {
            return within(normalised, "/api") || within(normalised, "/app") ? Budget.NONE : Budget.WRITE;
        }
        return within(normalised, "/public") ? Budget.READ : Budget.NONE;
    }

    /** The decoded segments without path parameters, empty segments and dot segments. */
    static String normalise(PathContainer path) {
        Deque<String> segments = new ArrayDeque<>();
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                // a decoded segment may itself hold slashes (%2F): each part counts as a segment
                for (String part : segment.valueToMatch().split("/", -1)) {
                    if (part.equals("..")) {
                        segments.pollLast();
                    } else if (!part.isEmpty() && !part.equals(".")) {
                        segments.addLast(part);
                    }
                }
            }
        }
        return "/" + String.join("/", segments);
    }

    private static boolean within(String path, String area) {
        return path.equals(area) || path.startsWith(area + "/");
    }

    /** One counter per IPv4 address, and per /64 for IPv6: one household or office network gets one /64. */
    static String client(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = java.util.Arrays.copyOf(address.getAddress(), 8);
            return HexFormat.of().formatHex(prefix) + "::/64";
        }
        return address.getHostAddress();
    }
}
