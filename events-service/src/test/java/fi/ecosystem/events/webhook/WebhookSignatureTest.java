package fi.ecosystem.events.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Signing as Standard Webhooks defines it, against the spec's own test vector. */
class WebhookSignatureTest {

    @Test
    void theSpecsTestVectorSignsToItsSignature() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anotherBodyIdOrTimestampSignsDifferently() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signed = WebhookSignature.sign(secret, "msg_1", 1614265330, "{}");
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265330, "{}")).isEqualTo(signed);
        assertThat(WebhookSignature.sign(secret, "msg_2", 1614265330, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265331, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265330, "{ }")).isNotEqualTo(signed);
    }

    @Test
    void aNewSecretIsWhsecWith32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
