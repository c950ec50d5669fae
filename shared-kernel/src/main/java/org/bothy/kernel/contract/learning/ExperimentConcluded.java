package org.bothy.kernel.contract.learning;

import java.time.Instant;

/**
 * An experiment in a person's journey concluded; only its theme (if any) and the learning summary written for sharing
 * cross the boundary, never the question, actions or outcome notes.
 */
public record ExperimentConcluded(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym,
        String journeyId,
        String experimentId,
        String theme,
        String learningSummary) implements LearningEvent {
}
