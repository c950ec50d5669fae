package org.bothy.partner.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to accept a referral made to this organisation, with the journey opened here for the person and the pseudonym
 * of the details as opened (which must be the one the referral was made under).
 */
public record AcceptReferral(@TargetAggregateIdentifier String referralId, String journeyId, String personId,
                             String openedPseudonym) {
}
