package org.bothy.partner.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Asks to rest an open issue on one of this organisation's journeys, and optionally one barrier met on it. */
public record LinkEvidence(
        @TargetAggregateIdentifier String issueId,
        @TargetAggregateVersion Long expectedVersion,
        String journeyId,
        String barrierId) {
}
