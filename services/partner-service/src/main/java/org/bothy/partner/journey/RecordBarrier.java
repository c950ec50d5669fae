package org.bothy.partner.journey;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks to record a barrier the person met on a day: a theme, the system actor causing it, a level and a private note;
 * {@code expectedVersion} (nullable) is the journey version the worker last saw.
 */
public record RecordBarrier(
        @TargetAggregateIdentifier String journeyId,
        String barrierId,
        String theme,
        String systemActor,
        int level,
        String note,
        LocalDate observedOn,
        @TargetAggregateVersion Long expectedVersion) implements JourneyChange {

    /** A barrier observed on a day not stated, whatever the journey's version. */
    public RecordBarrier(String journeyId, String barrierId, String theme, String systemActor, int level, String note) {
        this(journeyId, barrierId, theme, systemActor, level, note, null, null);
    }
}
