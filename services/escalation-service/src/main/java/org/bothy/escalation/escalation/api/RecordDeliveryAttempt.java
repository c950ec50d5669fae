package org.bothy.escalation.escalation.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A delivery attempt that the body's endpoint did not acknowledge: either an HTTP status other
 * than 2xx ({@code statusCode}) or no answer at all ({@code error}).
 */
public record RecordDeliveryAttempt(
        @TargetAggregateIdentifier String escalationId,
        int attempt,
        Instant attemptedAt,
        Integer statusCode,
        String error,
        long durationMillis) {
}
