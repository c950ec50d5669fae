package org.bothy.kernel.contract.referral;

import java.util.List;
import java.time.Instant;

/**
 * A partner referred a person to another partner with the person's consent: the pseudonym, a reason written for
 * sharing, the themes, and who the person is sealed so that only the receiving partner can read it.
 */
public record ReferralMade(
        String eventId,
        Instant occurredAt,
        String referralId,
        String fromOrganisation,
        String toOrganisation,
        String pseudonym,
        String reason,
        List<String> themes,
        SealedEnvelope sealedDetails) implements ReferralEvent {

    public ReferralMade {
        themes = themes == null ? null : List.copyOf(themes);
    }

    @Override
    public String addressedTo() {
        return toOrganisation;
    }
}
