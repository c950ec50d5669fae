package org.bothy.kernel.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a person's identifying details into the consortium-wide pseudonym: lower-case hex of
 * HMAC-SHA256(consortium key, normalisedName + "|" + dateOfBirth as ISO-8601). The same person at two
 * doors gets the same pseudonym; nobody without the key can tell who it is. Vectors: docs/pseudonymiser.md.
 */
public final class Pseudonymiser {

    /** The shortest key accepted, in bytes (HMAC-SHA256's block of security). */
    public static final int MIN_KEY_BYTES = 32;

    private static final String HMAC = "HmacSHA256";
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");

    private final SecretKeySpec key;

    /** A pseudonymiser under the consortium key (at least 32 bytes). */
    public Pseudonymiser(byte[] consortiumKey) {
        if (consortiumKey == null || consortiumKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("consortium key must be at least " + MIN_KEY_BYTES + " bytes, was "
                    + (consortiumKey == null ? "missing" : consortiumKey.length + " bytes"));
        }
        this.key = new SecretKeySpec(Arrays.copyOf(consortiumKey, consortiumKey.length), HMAC);
    }

    /** A pseudonymiser under a base64-encoded consortium key. */
    public static Pseudonymiser fromBase64(String consortiumKey) {
        if (consortiumKey == null || consortiumKey.isBlank()) {
            throw new IllegalArgumentException("consortium key is missing");
        }
        try {
            return new Pseudonymiser(Base64.getDecoder().decode(consortiumKey.trim()));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("consortium key")) {
                throw e;
            }
            throw new IllegalArgumentException("consortium key is not valid base64", e);
        }
    }

    /** The pseudonym of a person: 64 lower-case hex characters. */
    public String pseudonym(String fullName, LocalDate dateOfBirth) {
        if (dateOfBirth == null) {
            throw new IllegalArgumentException("date of birth is missing");
        }
        String name = normaliseName(fullName);
        String input = name + "|" + DateTimeFormatter.ISO_LOCAL_DATE.format(dateOfBirth);
        return HexFormat.of().formatHex(mac().doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }

    /** A name as the pseudonym sees it: NFKD, combining marks dropped, lower case, whitespace runs as one space, trimmed. */
    public static String normaliseName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("full name is blank");
        }
        String decomposed = Normalizer.normalize(fullName, Normalizer.Form.NFKD);
        String unmarked = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String lower = unmarked.toLowerCase(Locale.ROOT);
        String normalised = WHITESPACE.matcher(lower).replaceAll(" ").trim();
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("full name is blank");
        }
        return normalised;
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymiser[key hidden]";
    }
}
