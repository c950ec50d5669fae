package org.bothy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.bothy.kernel.webhooks.WebhookSignature;

/**
 * The secrets of a local consortium, generated once and kept (owner-readable only) in the data folder: the
 * consortium's pseudonym key that every partner holds, the webhook secret shared with each statutory body, and each
 * partner's referral key pair (the others hold its public key, to seal referrals only it can open).
 */
public final class StackSecrets {

    /** The statutory bodies of the North Edinburgh code list; each gets its own webhook secret. */
    public static final List<String> STATUTORY_BODIES = List.of("city-of-edinburgh-council", "edinburgh-hscp",
            "nhs-lothian", "scottish-government", "dwp", "police-scotland");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    public StackSecrets(Path dir) {
        this.dir = dir;
    }

    /** The consortium key for the pseudonymiser, base64 of 32 random bytes. */
    public String pseudonymKey() {
        return loadOrCreate("pseudonym.key", () -> Base64.getEncoder().encodeToString(randomBytes()));
    }

    /** The Standard Webhooks secret ({@code whsec_...}) shared with one statutory body. */
    public String webhookSecret(String body) {
        if (!STATUTORY_BODIES.contains(body)) {
            throw new IllegalArgumentException("unknown statutory body '" + body + "'; valid: " + STATUTORY_BODIES);
        }
        return loadOrCreate("webhook-" + body + ".secret",
                WebhookSignature::newSecret);
    }

    /** One partner's referral key pair, each base64 DER: the private key (PKCS#8) and the public key (X.509). */
    public ReferralKeys referralKeys(String organisation) {
        String[] lines = loadOrCreate("referral-" + organisation + ".keys", () -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, RANDOM);
                KeyPair pair = generator.generateKeyPair();
                Base64.Encoder base64 = Base64.getEncoder();
                return base64.encodeToString(pair.getPrivate().getEncoded()) + "\n"
                        + base64.encodeToString(pair.getPublic().getEncoded());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no RSA in this JDK", e);
            }
        }).split("\n");
        return new ReferralKeys(lines[0].trim(), lines[1].trim());
    }

    /** A partner's referral key pair, base64 DER. */
    public record ReferralKeys(String privateKey, String publicKey) {
        @Override
        public String toString() {
            return "ReferralKeys[privateKey=<secret>]";
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private String loadOrCreate(String name, java.util.function.Supplier<String> generate) {
        Path file = dir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(tmp, generate.get(), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // another start wrote it first; theirs is the one everyone else already uses
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the secret " + file, e);
        }
    }
}
