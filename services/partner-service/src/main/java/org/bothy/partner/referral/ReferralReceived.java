package org.bothy.partner.referral;

import java.time.Instant;
import java.util.List;

/**
 * Private event: another partner referred a person to this organisation. The reason is the referrer's, written for
 * sharing; who the person is stays sealed under this referral's own key.
 */
public record ReferralReceived(String referralId, String fromOrganisation, String pseudonym, String reason,
                               List<String> themes, String sealedDetails, Instant madeAt) {

    public ReferralReceived {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
