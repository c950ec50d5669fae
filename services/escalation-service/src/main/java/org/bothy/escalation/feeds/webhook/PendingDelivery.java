package org.bothy.escalation.feeds.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook delivery claimed for sending: the exact bytes and id every attempt carries; {@code redelivery} when the
 * body asked for an already delivered one again; retried until {@code windowStartedAt} plus the give-up window.
 */
public record PendingDelivery(UUID escalationId, String body, String webhookId, byte[] payload, int attempts,
                              Instant raisedAt, boolean redelivery, Instant windowStartedAt) {
}
