package org.bothy.escalation.feeds.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook delivery claimed for sending: the exact bytes and id every attempt carries, the contract's type and
 * when its event happened; {@code redelivery} when the body asked for an already delivered one again; retried until
 * {@code windowStartedAt} plus the give-up window.
 */
public record PendingDelivery(UUID escalationId, String body, String webhookId, String ceType, long feedPosition,
                              byte[] payload, int attempts, Instant occurredAt, boolean redelivery, Instant windowStartedAt) {

    /** Whether this is the first delivery of the escalation itself, whose outcome the aggregate records. */
    public boolean raisesTheEscalation() {
        return WebhookOutbox.RAISED_TYPES.contains(ceType) && !redelivery;
    }
}
