package fi.ecosystem.events.publicevents;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network a public request came from, for the per-event cap. The services are reachable only from the
 * gateway and the web UI (network policies), and both set {@code X-Forwarded-For} to exactly the client address
 * the gateway resolved, so its last entry is trusted; without it (a call inside the cluster) the socket's peer
 * counts. An IPv6 address counts as its /64: one subscriber usually holds a whole /64.
 */
final class ClientAddress {

    static final String HEADER = "X-Forwarded-For";
    /** Literals only (dotted IPv4, or IPv6 with its colons), so that parsing never looks a name up. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

    private ClientAddress() {
    }

    static String networkOf(HttpServletRequest request) {
        String forwarded = request.getHeader(HEADER);
        String address = request.getRemoteAddr();
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            address = hops[hops.length - 1].trim();
        }
        return network(address);
    }

    /** The address itself for IPv4, its /64 for IPv6; anything that is not an address literal as given. */
    static String network(String address) {
        String literal = address == null ? "" : address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!LITERAL.matcher(literal).matches()) {
            return literal;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return literal;
        }
    }
}
