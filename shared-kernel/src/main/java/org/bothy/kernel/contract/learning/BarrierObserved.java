package org.bothy.kernel.contract.learning;

import java.time.Instant;

/** A partner recorded a barrier in a person's journey: its theme, the system actor causing it, and its level. The private note never leaves the partner. */
public record BarrierObserved(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym,
        String journeyId,
        String barrierId,
        String theme,
        String systemActor,
        int level) implements LearningEvent {
}
