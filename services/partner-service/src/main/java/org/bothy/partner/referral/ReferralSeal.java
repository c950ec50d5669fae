package org.bothy.partner.referral;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bothy.kernel.contract.referral.SealedEnvelope;

/**
 * Seals bytes so that only the holder of one RSA private key can open them: a fresh AES-256-GCM key per envelope,
 * wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256). The parameters are spelt out because the JDK's default OAEP
 * "SHA-256" transformation uses MGF1-SHA-1, which other toolkits would not expect.
 */
public final class ReferralSeal {

    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final int TAG_BITS = 128;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferralSeal() {
    }

    /** Seals {@code plain} for the holder of the private key matching {@code receiver}. */
    public static SealedEnvelope seal(PublicKey receiver, byte[] plain) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey key = generator.generateKey();
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = aes.doFinal(plain);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, receiver, OAEP);
            byte[] wrapped = rsa.doFinal(key.getEncoded());
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedEnvelope(SealedEnvelope.ALGORITHM, base64.encodeToString(wrapped),
                    base64.encodeToString(iv), base64.encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal referral details: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Opens an envelope sealed for {@code own}'s public key; refused if it was sealed for another key or altered. */
    public static byte[] open(PrivateKey own, SealedEnvelope envelope) {
        if (!SealedEnvelope.ALGORITHM.equals(envelope.algorithm())) {
            throw new SealUnreadable("sealed with " + envelope.algorithm() + ", not " + SealedEnvelope.ALGORITHM);
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, own, OAEP);
            byte[] key = rsa.doFinal(base64.decode(envelope.wrappedKey()));
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, base64.decode(envelope.iv())));
            return aes.doFinal(base64.decode(envelope.ciphertext()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealUnreadable("not sealed for this organisation's key, or altered on the way");
        }
    }

    /** An envelope this organisation cannot open. */
    public static class SealUnreadable extends RuntimeException {
        public SealUnreadable(String reason) {
            super(reason);
        }
    }
}
