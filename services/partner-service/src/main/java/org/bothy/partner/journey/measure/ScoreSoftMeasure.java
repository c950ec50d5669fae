package org.bothy.partner.journey.measure;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.bothy.partner.journey.JourneyChange;

/** Asks to record a score the person gave themselves on one dimension (a code), from 1 to 10, on a day. */
public record ScoreSoftMeasure(
        @TargetAggregateIdentifier String journeyId,
        String measureId,
        String dimension,
        int score,
        LocalDate scoredOn,
        @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
}
