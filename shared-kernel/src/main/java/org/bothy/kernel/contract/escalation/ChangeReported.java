package org.bothy.kernel.contract.escalation;

import java.time.Instant;
import java.time.LocalDate;

/** The body reported a change it made, and whether that kept its commitment. */
public record ChangeReported(
        String eventId,
        Instant occurredAt,
        String escalationId,
        String body,
        String description,
        LocalDate madeOn,
        boolean keptCommitment) implements StatutoryEvent {

    @Override
    public String subject() {
        return escalationId;
    }
}
