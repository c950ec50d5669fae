package org.bothy.escalation.accountability;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One escalation as accountability reads it: when it was raised and due, when the body first acknowledged and first
 * answered, what it committed to and by when, and what it reported doing. Nulls are things that have not happened.
 * {@code people} is the fewest people the evidence made sure of, {@code peopleShown} as the place published it (or null).
 */
public record EscalationRecord(
        String escalationId,
        String body,
        String theme,
        String systemActor,
        int people,
        String peopleShown,
        String question,
        String status,
        Instant raisedAt,
        LocalDate dueBy,
        Instant overdueAt,
        Instant acknowledgedAt,
        Instant firstResponseAt,
        String responseKind,
        boolean respondedLate,
        boolean declined,
        String commitment,
        LocalDate commitBy,
        String changeDescription,
        LocalDate changeMadeOn,
        Instant changeReportedAt,
        Boolean commitmentKept,
        String verdict) {

    /** Whether the escalation has ended here: closed by the place, or moved to another body. */
    public boolean ended() {
        return "CLOSED".equals(status) || "RE_ESCALATED".equals(status);
    }

    /** Whether the body committed to a change. */
    public boolean committed() {
        return commitment != null;
    }
}
