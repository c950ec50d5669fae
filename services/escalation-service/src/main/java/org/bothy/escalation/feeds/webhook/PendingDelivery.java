package org.bothy.escalation.feeds.webhook;

import java.time.Instant;
import java.util.UUID;

/** A webhook delivery claimed for sending: the exact bytes and id every attempt carries. */
public record PendingDelivery(UUID escalationId, String body, String webhookId, byte[] payload, int attempts,
                              Instant raisedAt) {
}
