package org.bothy.escalation.escalation.api;

import java.time.Instant;

/** The body acknowledged the escalation. */
public record EscalationAcknowledged(String escalationId, String body, Instant acknowledgedAt) {
}
