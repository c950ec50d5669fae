package org.bothy.partner.referral;

/** Private event: this organisation accepted a referral and opened a journey for the person. */
public record ReceivedReferralAccepted(String referralId, String fromOrganisation, String journeyId,
                                       String personId) {
}
