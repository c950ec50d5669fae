package org.bothy.partner.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to decline a referral made to this organisation, with a reason written for the referring partner. */
public record DeclineReferral(@TargetAggregateIdentifier String referralId, String reason) {
}
