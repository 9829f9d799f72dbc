package fi.ecosystem.events.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where deliveries may go. In production only {@code https} to public addresses: an endpoint must not make the
 * platform call its own network (loopback, private, link-local — the cloud's metadata address —, shared or
 * unique-local ranges). The local stack and tests allow {@code http} and such targets
 * ({@code ecosystem.webhooks.allow-private-targets}). The host is checked when the endpoint is registered and
 * again before every delivery, as DNS may change in between.
 */
public record TargetPolicy(boolean allowPrivateTargets) {

    /** What is wrong with the URL as an endpoint (a problem code), or nothing. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("webhook-url-invalid");
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || url.length() > 2000) {
            return Optional.of("webhook-url-invalid");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateTargets && scheme.equals("http"))) {
            return Optional.of("webhook-url-not-https");
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("webhook-url-private");
                }
            }
        } catch (UnknownHostException notResolvableNow) {
            // a host without an address yet may get one; every delivery checks it again
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 || first >= 240;
        }
        return (bytes[0] & 0xfe) == 0xfc;
    }
}
