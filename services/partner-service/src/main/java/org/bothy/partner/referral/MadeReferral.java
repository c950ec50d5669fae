package org.bothy.partner.referral;

/** The answer to making a referral: its id, the same at both partners. */
public record MadeReferral(String referralId) {
}
