package org.bothy.partner.referral;

import java.time.Instant;
import java.util.List;

/**
 * Private event: another partner referred a person to this organisation. The referrer's reason and who the person is
 * are sealed under this referral's own key, destroyed once it is answered.
 */
public record ReferralReceived(String referralId, String fromOrganisation, String pseudonym, String sealedReason,
                               List<String> themes, String sealedDetails, Instant madeAt) {

    public ReferralReceived {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
