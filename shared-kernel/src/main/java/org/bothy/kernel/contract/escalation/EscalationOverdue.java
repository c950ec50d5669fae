package org.bothy.kernel.contract.escalation;

import java.time.Instant;
import java.time.LocalDate;

/** An answer is overdue: sent when the due date passes and with every reminder after it. */
public record EscalationOverdue(
        String eventId,
        Instant occurredAt,
        String escalationId,
        String body,
        LocalDate dueBy,
        int reminder) implements StatutoryEvent {

    @Override
    public String subject() {
        return escalationId;
    }
}
