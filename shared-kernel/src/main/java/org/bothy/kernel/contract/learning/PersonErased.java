package org.bothy.kernel.contract.learning;

import java.time.Instant;

/** A partner erased a person (their key is destroyed): drop everything this partner shared about them. */
public record PersonErased(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym) implements LearningEvent {
}
