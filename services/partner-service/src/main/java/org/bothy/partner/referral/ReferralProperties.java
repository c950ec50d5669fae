package org.bothy.partner.referral;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This partner's referral key pair and the other partners' public keys (PEM or base64 DER), under
 * {@code bothy.referral.*}.
 *
 * @param privateKey    this organisation's RSA private key (PKCS#8), which opens referrals addressed to it
 * @param partners      per organisation code, the public key (X.509) that seals referrals to that partner
 * @param relayInterval how often waiting referral events are offered to the broker again
 * @param pollTimeout   how long the referral consumer waits on each poll
 * @param consumerGroup the referral consumer's group ({@code partner-<organisation>-referrals} unless set); where to
 *                      resume comes from the database, so the group only shares out partitions between instances
 */
@ConfigurationProperties("bothy.referral")
public record ReferralProperties(String privateKey, Map<String, Partner> partners, Duration relayInterval,
                                 Duration pollTimeout, String consumerGroup) {

    public ReferralProperties {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
        relayInterval = relayInterval == null ? Duration.ofMillis(200) : relayInterval;
        pollTimeout = pollTimeout == null ? Duration.ofMillis(500) : pollTimeout;
    }

    /** One other partner as this one knows it. */
    public record Partner(String publicKey) {
    }

    @Override
    public String toString() {
        // keys must never reach a log, even through a failure message that prints this record
        return "ReferralProperties[privateKey=<secret>, partners=" + partners.keySet() + "]";
    }
}
