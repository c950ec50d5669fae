package org.bothy.escalation.escalation.api;

import java.time.Instant;

/** The body's endpoint did not acknowledge one delivery attempt; delivery goes on with back-off. */
public record DeliveryAttemptFailed(
        String escalationId,
        int attempt,
        Instant attemptedAt,
        Integer statusCode,
        String error,
        long durationMillis) {
}
