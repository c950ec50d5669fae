package org.bothy.escalation.candidate;

import java.time.Instant;
import java.util.UUID;

/** A pattern the rule proposes for escalation, as a place lead sees and decides it. */
public record Candidate(
        UUID candidateId,
        String patternKey,
        String theme,
        String systemActor,
        String body,
        int people,
        int organisations,
        Status status,
        Instant proposedAt,
        Instant updatedAt) {

    /** Where a candidate is in the place lead's decision. */
    public enum Status { OPEN, ACCEPTED, DISMISSED }
}
