package org.bothy.escalation.escalation.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The body's endpoint acknowledged a delivery attempt with a 2xx status. */
public record MarkDelivered(
        @TargetAggregateIdentifier String escalationId,
        int attempt,
        Instant deliveredAt,
        int statusCode,
        long durationMillis) {
}
