package org.bothy.escalation.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An escalation as place leads read it: what was asked of whom, by when, and how delivery went. */
public record EscalationSummary(
        UUID escalationId,
        String candidateId,
        String patternKey,
        String body,
        String theme,
        String systemActor,
        int people,
        int organisations,
        String question,
        LocalDate dueBy,
        String status,
        Instant raisedAt,
        Instant deliveredAt,
        Instant nextAttemptAt,
        List<Attempt> attempts) {

    /** One delivery attempt: when, what the endpoint answered (or the error), and how long it took. */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMillis,
                          String outcome) {
    }
}
