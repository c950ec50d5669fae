package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;

/** The due date passed with no answer from the body. */
public record EscalationOverdue(String escalationId, String body, LocalDate dueBy, Instant overdueAt) {
}
