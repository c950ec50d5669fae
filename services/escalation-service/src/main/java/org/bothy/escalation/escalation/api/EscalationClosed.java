package org.bothy.escalation.escalation.api;

import java.time.Instant;

/** The place closed the escalation with its verdict. */
public record EscalationClosed(String escalationId, String body, Verdict verdict, String note, Instant closedAt) {
}
