package fi.ecosystem.events.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Production sends only to https on public addresses; the local stack and tests may use http on this machine. */
class TargetPolicyTest {

    private final TargetPolicy production = new TargetPolicy(false);

    @Test
    void productionRefusesLoopbackPrivateLinkLocalAndPlainHttp() {
        assertThat(production.refusal("https://127.0.0.1/hook")).contains("webhook-url-private");
        assertThat(production.refusal("https://localhost:8443/hook")).contains("webhook-url-private");
        assertThat(production.refusal("https://10.1.2.3/hook")).contains("webhook-url-private");
        assertThat(production.refusal("https://192.168.0.10/hook")).contains("webhook-url-private");
        assertThat(production.refusal("https://169.254.169.254/latest/meta-data")).contains("webhook-url-private");
        assertThat(production.refusal("https://[::1]/hook")).contains("webhook-url-private");
        assertThat(production.refusal("https://[fd00::1]/hook")).contains("webhook-url-private");
        assertThat(production.refusal("https://100.64.0.1/hook")).contains("webhook-url-private");
        assertThat(production.refusal("http://203.0.113.10/hook")).contains("webhook-url-not-https");
        assertThat(production.refusal("https://user:pw@203.0.113.10/hook")).contains("webhook-url-invalid");
        assertThat(production.refusal("/relative")).contains("webhook-url-invalid");
        assertThat(production.refusal("ftp://203.0.113.10/")).contains("webhook-url-not-https");
    }

    @Test
    void productionAcceptsHttpsOnAPublicAddress() {
        assertThat(production.refusal("https://203.0.113.10/hooks/ecosystem")).isEmpty();
        assertThat(production.refusal("https://[2001:db8::10]/hook")).isEmpty();
    }

    @Test
    void theLocalStackAllowsHttpToThisMachine() {
        TargetPolicy local = new TargetPolicy(true);
        assertThat(local.refusal("http://127.0.0.1:9999/hook")).isEmpty();
        assertThat(local.refusal("http://localhost:9999/hook")).isEmpty();
        assertThat(local.refusal("not a url")).contains("webhook-url-invalid");
    }

    @Test
    void privateRangesAreRecognised() throws Exception {
        assertThat(TargetPolicy.isPrivate(InetAddress.getByName("172.16.5.4"))).isTrue();
        assertThat(TargetPolicy.isPrivate(InetAddress.getByName("0.0.0.0"))).isTrue();
        assertThat(TargetPolicy.isPrivate(InetAddress.getByName("8.8.8.8"))).isFalse();
    }
}
