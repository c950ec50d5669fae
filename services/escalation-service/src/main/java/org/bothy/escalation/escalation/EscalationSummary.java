package org.bothy.escalation.escalation;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An escalation as place leads read it: what was asked of whom, by when, how delivery went, what the body
 * answered and did, the place's verdict, and the history of it all in order.
 */
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
        Instant acknowledgedAt,
        Response response,
        Instant overdueAt,
        int reminders,
        Instant changeReportedAt,
        Boolean commitmentKept,
        Instant closedAt,
        String verdict,
        String verdictNote,
        UUID reEscalatedTo,
        UUID reEscalatedFrom,
        List<Attempt> attempts,
        List<HistoryEntry> history) {

    /** One delivery attempt: when, what the endpoint answered (or the error), and how long it took. */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMillis,
                          String outcome) {
    }

    /** The body's answer: a commitment (change by a date), reasons for declining, or what more it needs. */
    public record Response(String kind, Instant respondedAt, boolean late, String change, LocalDate commitBy,
                           String reasons, String request) {
    }

    /** One step of the record, in order: its kind, when, and the event's own fields. */
    public record HistoryEntry(String kind, Instant at, @JsonRawValue String detail) {
    }
}
