package org.bothy.kernel.contract.escalation;

import java.time.Instant;

/** The body said it has the escalation and will answer. */
public record EscalationAcknowledged(
        String eventId,
        Instant occurredAt,
        String escalationId,
        String body) implements StatutoryEvent {

    @Override
    public String subject() {
        return escalationId;
    }
}
