package org.bothy.kernel.contract.referral;

import java.time.Instant;

/** The receiving partner accepted a referral and opened a journey with the person; addressed to the referrer. */
public record ReferralAccepted(
        String eventId,
        Instant occurredAt,
        String referralId,
        String fromOrganisation,
        String toOrganisation) implements ReferralEvent {

    @Override
    public String addressedTo() {
        return fromOrganisation;
    }
}
