package org.bothy.escalation.escalation.api;

import java.time.Instant;

/** The responsible statutory body acknowledged the escalation: it is now in front of them. */
public record EscalationDelivered(
        String escalationId,
        int attempt,
        Instant deliveredAt,
        int statusCode,
        long durationMillis) {
}
