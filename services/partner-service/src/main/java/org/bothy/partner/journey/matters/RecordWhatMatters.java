package org.bothy.partner.journey.matters;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.bothy.partner.journey.JourneyChange;

/** Asks to record, or rewrite, what matters to the person, in their own words. */
public record RecordWhatMatters(
        @TargetAggregateIdentifier String journeyId,
        String inTheirWords,
        @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
}
