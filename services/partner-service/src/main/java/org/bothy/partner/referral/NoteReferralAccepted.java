package org.bothy.partner.referral;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to note that the partner a referral went to accepted it (read from {@code bothy.referrals}). */
public record NoteReferralAccepted(@TargetAggregateIdentifier String referralId, String byOrganisation,
                                   Instant answeredAt) {
}
