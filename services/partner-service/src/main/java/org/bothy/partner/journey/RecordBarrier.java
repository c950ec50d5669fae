package org.bothy.partner.journey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to record a barrier the person met: a theme, the system actor causing it, a level and a private note. */
public record RecordBarrier(
        @TargetAggregateIdentifier String journeyId,
        String barrierId,
        String theme,
        String systemActor,
        int level,
        String note) {
}
