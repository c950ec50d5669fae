package org.bothy.kernel.contract.escalation;

import java.time.Instant;
import java.time.LocalDate;

/** A place lead accepted a candidate: the responsible body is asked a question about a pattern, with an answer due by a date. */
public record EscalationRaised(
        String eventId,
        Instant occurredAt,
        String escalationId,
        String body,
        String theme,
        String systemActor,
        int people,
        int organisations,
        String question,
        LocalDate dueBy) implements StatutoryEvent {

    @Override
    public String subject() {
        return escalationId;
    }
}
