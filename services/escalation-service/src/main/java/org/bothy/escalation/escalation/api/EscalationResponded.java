package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;

/** The body answered; {@code late} when the answer came after the due date. */
public record EscalationResponded(
        String escalationId,
        String body,
        ResponseKind kind,
        String change,
        LocalDate commitBy,
        String reasons,
        String request,
        Instant respondedAt,
        boolean late) {
}
