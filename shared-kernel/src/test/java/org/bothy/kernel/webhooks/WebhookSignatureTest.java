package org.bothy.kernel.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Signing and verifying follow the Standard Webhooks specification, including its published test vector. */
class WebhookSignatureTest {

    // The specification's reference vector (also reproduced with openssl when this test was written).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final Clock AT_SIGNING = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signsTheReferenceVector() {
        assertThat(WebhookSignature.sign(SECRET, MSG_ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesTheReferenceVector() {
        assertThat(verify(SIGNATURE, BODY, AT_SIGNING)).isTrue();
    }

    @Test
    void refusesATamperedBody() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThat(verify(SIGNATURE, tampered, AT_SIGNING)).isFalse();
    }

    @Test
    void refusesAStaleOrFutureTimestamp() {
        Clock sixMinutesLater = Clock.offset(AT_SIGNING, Duration.ofMinutes(6));
        Clock sixMinutesEarlier = Clock.offset(AT_SIGNING, Duration.ofMinutes(-6));
        Clock fourMinutesLater = Clock.offset(AT_SIGNING, Duration.ofMinutes(4));

        assertThat(verify(SIGNATURE, BODY, sixMinutesLater)).isFalse();
        assertThat(verify(SIGNATURE, BODY, sixMinutesEarlier)).isFalse();
        assertThat(verify(SIGNATURE, BODY, fourMinutesLater)).isTrue();
    }

    @Test
    void refusesAnotherIdOrTimestampUnderTheSameSignature() {
        assertThat(WebhookSignature.verify(SECRET, "msg_other", String.valueOf(TIMESTAMP), SIGNATURE, BODY, TOLERANCE, AT_SIGNING)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, MSG_ID, String.valueOf(TIMESTAMP + 1), SIGNATURE, BODY, TOLERANCE,
                Clock.offset(AT_SIGNING, Duration.ofSeconds(1)))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, MSG_ID, "yesterday", SIGNATURE, BODY, TOLERANCE, AT_SIGNING)).isFalse();
    }

    @Test
    void acceptsAnyOfSeveralSignaturesSoSecretsCanBeRotated() {
        String rotated = "v1,bm90LXRoZS1yaWdodC1zaWduYXR1cmU= v1a,ignored " + SIGNATURE;

        assertThat(verify(rotated, BODY, AT_SIGNING)).isTrue();
        assertThat(verify("v1,bm90LXRoZS1yaWdodC1zaWduYXR1cmU= v2," + SIGNATURE.substring(3), BODY, AT_SIGNING)).isFalse();
        assertThat(verify("v1,%%%not-base64", BODY, AT_SIGNING)).isFalse();
    }

    @Test
    void refusesAnotherSecret() {
        String other = WebhookSignature.newSecret();

        assertThat(WebhookSignature.verify(other, MSG_ID, String.valueOf(TIMESTAMP), SIGNATURE, BODY, TOLERANCE, AT_SIGNING)).isFalse();
    }

    @Test
    void newSecretsAreRandomTwentyFourBytes() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(24);
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(secret, "evt-1", now, BODY);
        assertThat(WebhookSignature.verify(secret, "evt-1", String.valueOf(now), signature, BODY)).isTrue();
    }

    @Test
    void refusesToSignWithASecretThatIsNotBase64() {
        assertThatThrownBy(() -> WebhookSignature.sign("whsec_***", MSG_ID, TIMESTAMP, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whsec_");
    }

    @Test
    void namesTheStandardHeaders() {
        assertThat(WebhookSignature.WEBHOOK_ID).isEqualTo("webhook-id");
        assertThat(WebhookSignature.WEBHOOK_TIMESTAMP).isEqualTo("webhook-timestamp");
        assertThat(WebhookSignature.WEBHOOK_SIGNATURE).isEqualTo("webhook-signature");
    }

    private static boolean verify(String signatureHeader, byte[] body, Clock clock) {
        return WebhookSignature.verify(SECRET, MSG_ID, String.valueOf(TIMESTAMP), signatureHeader, body, TOLERANCE, clock);
    }
}
