package org.bothy.kernel.contract.escalation;

import java.time.Instant;

/** The place closed an escalation with its verdict on the pattern, or moved it to another body. */
public record EscalationClosed(
        String eventId,
        Instant occurredAt,
        String escalationId,
        String body,
        String verdict,
        String explanation,
        String reEscalatedTo) implements StatutoryEvent {

    @Override
    public String subject() {
        return escalationId;
    }
}
