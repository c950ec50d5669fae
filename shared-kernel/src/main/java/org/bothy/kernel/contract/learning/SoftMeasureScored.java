package org.bothy.kernel.contract.learning;

import java.time.Instant;

/** A person scored themselves on one soft-measure dimension (confidence, wellbeing, ...), from 1 to 10. */
public record SoftMeasureScored(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym,
        String journeyId,
        String dimension,
        int score) implements LearningEvent {
}
