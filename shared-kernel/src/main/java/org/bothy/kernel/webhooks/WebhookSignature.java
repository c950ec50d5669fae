package org.bothy.kernel.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhook deliveries as the Standard Webhooks specification says: HMAC-SHA256 over
 * {@code msgId.timestamp.body} under the base64 secret after {@code whsec_}, sent as {@code v1,<base64>}.
 */
public final class WebhookSignature {

    /** Header holding the message id (the same across retries of one message). */
    public static final String WEBHOOK_ID = "webhook-id";
    /** Header holding the signing time in whole seconds since the epoch. */
    public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    /** Header holding one or more space-separated {@code v1,<signature>} entries. */
    public static final String WEBHOOK_SIGNATURE = "webhook-signature";
    /** Prefix of a Standard Webhooks secret. */
    public static final String SECRET_PREFIX = "whsec_";
    /** How far a timestamp may be from now before a delivery is refused, as the specification suggests. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v1";
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A fresh secret: {@code whsec_} + base64 of 24 random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The {@code webhook-signature} value for one delivery: {@code v1,<base64 HMAC-SHA256>}. */
    public static String sign(String secret, String msgId, long timestampSeconds, byte[] body) {
        if (msgId == null || msgId.isBlank()) {
            throw new IllegalArgumentException("webhook message id is blank");
        }
        if (body == null) {
            throw new IllegalArgumentException("webhook body is missing");
        }
        return VERSION + "," + Base64.getEncoder().encodeToString(hmac(secretBytes(secret), msgId, timestampSeconds, body));
    }

    /**
     * Whether a delivery is authentic and fresh: the timestamp lies within the tolerance of the clock and one of
     * the {@code v1} signatures in the header matches (compared in constant time). Never throws on bad input.
     */
    public static boolean verify(String secret, String msgId, String timestampHeader, String signatureHeader,
                                 byte[] body, Duration tolerance, Clock clock) {
        if (msgId == null || msgId.isBlank() || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secretBytes(secret), msgId, timestamp, body);
        boolean matched = false;
        for (String entry : signatureHeader.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !VERSION.equals(entry.substring(0, comma))) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            // Keep comparing after a match so the time taken does not tell which entry matched.
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    /** {@link #verify(String, String, String, String, byte[], Duration, Clock)} with the default tolerance and the system clock. */
    public static boolean verify(String secret, String msgId, String timestampHeader, String signatureHeader, byte[] body) {
        return verify(secret, msgId, timestampHeader, signatureHeader, body, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    private static byte[] secretBytes(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("webhook secret is missing");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("webhook secret is empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret is not whsec_ followed by base64", e);
        }
    }

    private static byte[] hmac(byte[] key, String msgId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
