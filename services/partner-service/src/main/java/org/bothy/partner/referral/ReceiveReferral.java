package org.bothy.partner.referral;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to take in a referral another partner made to this organisation, as read from {@code bothy.referrals}. Who the
 * person is (the envelope sealed for this organisation) and the referrer's reason come sealed under a key of this
 * referral's own ({@link ReceivedDetailsKeys}), so that answering it makes both unreadable in the event store.
 */
public record ReceiveReferral(@TargetAggregateIdentifier String referralId, String fromOrganisation,
                              String toOrganisation, String pseudonym, String sealedReason, List<String> themes,
                              String sealedDetails, Instant madeAt) {

    public ReceiveReferral {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
