package org.bothy.kernel.contract.referral;

/**
 * Details only the receiving partner can open: a random AES-256-GCM key wrapped with the receiver's RSA public key
 * (OAEP, SHA-256), and what that key encrypted. Every part is base64; nothing in it is readable on the way.
 *
 * @param algorithm  always {@link #ALGORITHM}
 * @param wrappedKey the AES key, RSA-OAEP-encrypted for the receiving partner
 * @param iv         the 12-byte GCM nonce
 * @param ciphertext the encrypted details with the GCM tag
 */
public record SealedEnvelope(String algorithm, String wrappedKey, String iv, String ciphertext) {

    /** The one scheme this version of the contract speaks. */
    public static final String ALGORITHM = "RSA-OAEP-256+A256GCM";

    @Override
    public String toString() {
        return "SealedEnvelope[" + algorithm + "]";
    }
}
