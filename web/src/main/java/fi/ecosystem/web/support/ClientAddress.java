package fi.ecosystem.web.support;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The browser's address as the gateway resolved it. The web UI is reachable only from the gateway, which sets
 * {@code X-Forwarded-For} to exactly that address (replacing whatever the client sent), so its last entry is
 * trusted; it is passed on to the services for their per-address rules (an event's registration cap).
 */
public final class ClientAddress {

    public static final String HEADER = "X-Forwarded-For";

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader(HEADER);
        if (forwarded == null || forwarded.isBlank()) {
            return request.getRemoteAddr();
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
    }
}
