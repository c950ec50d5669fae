package org.bothy.partner.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.bothy.kernel.contract.referral.SealedEnvelope;
import org.junit.jupiter.api.Test;

/** Only the receiving partner's private key opens what was sealed for it, and nothing altered on the way opens. */
class ReferralSealTest {

    private static final KeyPair MOVE_ON = keyPair();
    private static final KeyPair SPARTANS = keyPair();

    @Test
    void theReceiverOpensWhatWasSealedForItAndNobodyElseDoes() {
        ReferredPerson person = new ReferredPerson("Morag MacLeod", LocalDate.of(1984, 3, 2), "0131 496 0001",
                "morag@example.org", "1 Pennywell Road");

        SealedEnvelope envelope = ReferralSeal.seal(MOVE_ON.getPublic(), person.toBytes());

        assertThat(envelope.algorithm()).isEqualTo("RSA-OAEP-256+A256GCM");
        assertThat(new String(Base64.getDecoder().decode(envelope.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("Morag").doesNotContain("Pennywell");
        assertThat(ReferredPerson.fromBytes(ReferralSeal.open(MOVE_ON.getPrivate(), envelope))).isEqualTo(person);
        assertThat(ReferralSeal.seal(MOVE_ON.getPublic(), person.toBytes()).wrappedKey())
                .as("a fresh key per envelope").isNotEqualTo(envelope.wrappedKey());
        assertThatThrownBy(() -> ReferralSeal.open(SPARTANS.getPrivate(), envelope))
                .isInstanceOf(ReferralSeal.SealUnreadable.class);
        assertThat(person.toString()).doesNotContain("Morag");
    }

    @Test
    void anAlteredEnvelopeDoesNotOpen() {
        SealedEnvelope envelope = ReferralSeal.seal(MOVE_ON.getPublic(), "details".getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = Base64.getDecoder().decode(envelope.ciphertext());
        ciphertext[0] ^= 1;
        SealedEnvelope altered = new SealedEnvelope(envelope.algorithm(), envelope.wrappedKey(), envelope.iv(),
                Base64.getEncoder().encodeToString(ciphertext));

        assertThatThrownBy(() -> ReferralSeal.open(MOVE_ON.getPrivate(), altered))
                .isInstanceOf(ReferralSeal.SealUnreadable.class);
        assertThatThrownBy(() -> ReferralSeal.open(MOVE_ON.getPrivate(), new SealedEnvelope("none", envelope.wrappedKey(),
                envelope.iv(), envelope.ciphertext()))).hasMessageContaining("sealed with none");
    }

    @Test
    void keysAreReadAsPemOrBase64DerAndABadOneNamesOnlyItsProperty() {
        String der = Base64.getEncoder().encodeToString(MOVE_ON.getPublic().getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(MOVE_ON.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(MOVE_ON.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";

        ReferralKeys keys = new ReferralKeys(new ReferralProperties(privatePem,
                Map.of("fresh-start", new ReferralProperties.Partner(pem), "spartans", new ReferralProperties.Partner(der)),
                null, null, null));

        assertThat(keys.partner("fresh-start")).contains(MOVE_ON.getPublic());
        assertThat(keys.partner("spartans")).contains(MOVE_ON.getPublic());
        assertThat(keys.partner("north-edinburgh-arts")).isEmpty();
        assertThat(keys.own()).contains(MOVE_ON.getPrivate());
        assertThatThrownBy(() -> new ReferralKeys(new ReferralProperties("c2VjcmV0LWJ1dC1ub3QtYS1rZXk=", Map.of(), null, null, null)))
                .hasMessage("bothy.referral.private-key: not an RSA private key in PKCS#8 (PEM or base64 DER)");
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
