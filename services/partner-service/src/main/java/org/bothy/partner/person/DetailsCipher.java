package org.bothy.partner.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a person's identifying details with their own key: AES-256-GCM, a fresh random 96-bit IV for every
 * sealing, the person's id bound in as associated data so that one person's ciphertext cannot pass as another's.
 * The sealed form is base64 of IV followed by ciphertext and tag. Plain JDK code, no framework.
 */
public final class DetailsCipher {

    /** Bytes of a person's key (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random;

    public DetailsCipher() {
        this(new SecureRandom());
    }

    DetailsCipher(SecureRandom random) {
        this.random = random;
    }

    /** A new random key for one person. */
    public byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** {@code plaintext} sealed under {@code key} for {@code personId}. */
    public String seal(byte[] key, String personId, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, personId);
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext of {@code sealed}; {@link DetailsUnreadable} if the key, the person or a byte is wrong. */
    public byte[] open(byte[] key, String personId, String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new DetailsUnreadable("sealed details are not base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new DetailsUnreadable("sealed details are too short");
        }
        byte[] iv = java.util.Arrays.copyOfRange(bytes, 0, IV_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, key, iv, personId).doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            // tampered, sealed for another person, or under another key: GCM cannot tell which, and need not
            throw new DetailsUnreadable("sealed details fail authentication");
        } catch (GeneralSecurityException e) {
            throw new DetailsUnreadable("sealed details cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String personId) throws GeneralSecurityException {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a person's key is " + KEY_BYTES + " bytes");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
