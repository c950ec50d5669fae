package org.bothy.kernel.contract.escalation;

import java.time.Instant;
import java.time.LocalDate;

/** The body answered an escalation: a commitment with its date, reasons for declining, or a request for more. */
public record EscalationResponded(
        String eventId,
        Instant occurredAt,
        String escalationId,
        String body,
        String response,
        String change,
        LocalDate commitBy,
        String reasons,
        String request,
        boolean late) implements StatutoryEvent {

    @Override
    public String subject() {
        return escalationId;
    }
}
