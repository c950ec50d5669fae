package org.bothy.partner.referral;

import java.time.Instant;

/** Private event: the partner a referral went to accepted it and opened a journey with the person there. */
public record ReferralAcceptedByPartner(String referralId, String toOrganisation, Instant answeredAt) {
}
