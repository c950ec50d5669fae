package org.bothy.partner.referral;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The keys of referral sealing, read once at start-up: a malformed key stops the service and names the property,
 * never the key. A partner without a configured public key cannot be referred to; without a private key this
 * organisation cannot open referrals made to it.
 */
@Component
public class ReferralKeys {

    private final PrivateKey own;
    private final Map<String, PublicKey> partners = new HashMap<>();

    public ReferralKeys(ReferralProperties properties) {
        own = properties.privateKey() == null || properties.privateKey().isBlank() ? null
                : privateKey(properties.privateKey(), "bothy.referral.private-key");
        properties.partners().forEach((organisation, partner) -> partners.put(organisation,
                publicKey(partner.publicKey(), "bothy.referral.partners." + organisation + ".public-key")));
    }

    /** The key that seals referrals to {@code organisation}, if this deployment knows it. */
    public Optional<PublicKey> partner(String organisation) {
        return Optional.ofNullable(partners.get(organisation));
    }

    /** This organisation's own key, if configured. */
    public Optional<PrivateKey> own() {
        return Optional.ofNullable(own);
    }

    /** Reads a PKCS#8 private key, PEM or base64 DER. */
    static PrivateKey privateKey(String text, String property) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(text, property)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(property + ": not an RSA private key in PKCS#8 (PEM or base64 DER)");
        }
    }

    /** Reads an X.509 public key, PEM or base64 DER. */
    static PublicKey publicKey(String text, String property) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(text, property)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(property + ": not an RSA public key in X.509 (PEM or base64 DER)");
        }
    }

    private static byte[] der(String text, String property) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(property + " is empty");
        }
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": not PEM or base64");
        }
    }
}
