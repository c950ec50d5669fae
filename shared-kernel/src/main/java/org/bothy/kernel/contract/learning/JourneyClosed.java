package org.bothy.kernel.contract.learning;

import java.time.Instant;

/** A person's journey with a partner was closed. The person's own closing words stay with the partner. */
public record JourneyClosed(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym,
        String journeyId) implements LearningEvent {
}
