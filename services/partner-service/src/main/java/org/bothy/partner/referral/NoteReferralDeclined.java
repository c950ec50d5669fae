package org.bothy.partner.referral;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to note that the partner a referral went to declined it; its reason is sealed under the person's key (null
 * when the person is already erased here, and so nothing of it may be kept).
 */
public record NoteReferralDeclined(@TargetAggregateIdentifier String referralId, String byOrganisation,
                                   String sealedReason, Instant answeredAt) {
}
