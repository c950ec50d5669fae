package org.bothy.kernel.contract.learning;

import java.time.Instant;

/** A person's consent to share with the consortium ended (revoked or expired): drop what this partner shared about them. */
public record ConsentWithdrawn(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym) implements LearningEvent {
}
