package org.bothy.escalation.candidate;

import java.time.Instant;
import java.util.UUID;

/**
 * A pattern (theme:systemActor) or a published issue (issue:org:id) the rules propose for escalation, as a place lead
 * sees and decides it. An issue candidate's theme and system actor are the issue's first; its body is null when the
 * issue names no system actor, until the place lead picks one on accepting. {@code people} is the fewest people the
 * evidence lets the service be sure of (the count itself when the place showed it); {@code peopleShown} is the count
 * as the place published it ("12", "<5" or "*"), null for candidates recorded before signals carried it.
 */
public record Candidate(
        UUID candidateId,
        Source source,
        String patternKey,
        String theme,
        String systemActor,
        String body,
        int people,
        String peopleShown,
        int organisations,
        Status status,
        Instant proposedAt,
        Instant updatedAt) {

    /** Where a candidate is in the place lead's decision. */
    public enum Status { OPEN, ACCEPTED, DISMISSED }

    /** What proposed the candidate: a pattern's evidence signal, or a published issue's. */
    public enum Source { PATTERN, ISSUE }
}
