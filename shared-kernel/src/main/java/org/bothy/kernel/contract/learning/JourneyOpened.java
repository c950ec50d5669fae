package org.bothy.kernel.contract.learning;

import java.time.Instant;

/** A person came through one of a partner's doors and a journey was opened for them. */
public record JourneyOpened(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym,
        String journeyId,
        String door) implements LearningEvent {
}
