package org.bothy.kernel.contract.referral;

import java.time.Instant;

/** The receiving partner declined a referral, with a reason written for sharing; addressed to the referrer. */
public record ReferralDeclined(
        String eventId,
        Instant occurredAt,
        String referralId,
        String fromOrganisation,
        String toOrganisation,
        String reason) implements ReferralEvent {

    @Override
    public String addressedTo() {
        return fromOrganisation;
    }
}
