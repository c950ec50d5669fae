package org.bothy.partner.journey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Asks to close a journey, with the person's own words about it (private); the journey's end. */
public record CloseJourney(
        @TargetAggregateIdentifier String journeyId,
        String inTheirWords,
        @TargetAggregateVersion Long expectedVersion) implements JourneyChange {

    /** A closure without words, whatever the journey's version. */
    public CloseJourney(String journeyId) {
        this(journeyId, null, null);
    }
}
