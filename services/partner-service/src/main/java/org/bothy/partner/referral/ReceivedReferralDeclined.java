package org.bothy.partner.referral;

/** Private event: this organisation declined a referral, with a reason written for the referring partner. */
public record ReceivedReferralDeclined(String referralId, String fromOrganisation, String reason) {
}
