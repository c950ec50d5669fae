package org.bothy.partner.referral;

/** The answer to accepting a referral: the journey opened here and the person it is for. */
public record AcceptedReferral(String referralId, String journeyId, String personId) {
}
