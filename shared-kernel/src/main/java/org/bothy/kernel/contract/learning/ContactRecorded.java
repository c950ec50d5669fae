package org.bothy.kernel.contract.learning;

import java.time.Instant;

/**
 * A contact in a person's journey (a visit, call, message or meeting), with the minutes it took and any small spend:
 * the stuff of the journey's cost of support. What the spend was for stays with the partner.
 */
public record ContactRecorded(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym,
        String journeyId,
        String contactId,
        String kind,
        int minutes,
        long spendPence) implements LearningEvent {
}
