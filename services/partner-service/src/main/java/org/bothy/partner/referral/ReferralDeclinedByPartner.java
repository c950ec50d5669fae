package org.bothy.partner.referral;

import java.time.Instant;

/** Private event: the partner a referral went to declined it; its reason sealed under the person's key, or null. */
public record ReferralDeclinedByPartner(String referralId, String toOrganisation, String sealedReason,
                                        Instant answeredAt) {
}
