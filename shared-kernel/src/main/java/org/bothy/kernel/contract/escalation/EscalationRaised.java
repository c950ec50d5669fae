package org.bothy.kernel.contract.escalation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A place lead accepted a candidate: the responsible body is asked a question about a pattern, with an answer due by a
 * date. Written as v2, where the people behind the pattern are only {@code peopleShown}, after disclosure control
 * ("12", "&lt;5", or "*" where the place hid the count to protect another). v1 carried the raw count as
 * {@code int people}; a v1 record is read (by {@link EscalationRaisedV1Reader}) with that count shown as it was sent,
 * i.e. at a threshold of 1, since its reader already saw the number. There is deliberately no constructor taking a
 * count: whoever writes this record chooses what is shown.
 */
public record EscalationRaised(
        String eventId,
        Instant occurredAt,
        String escalationId,
        String body,
        String theme,
        String systemActor,
        String peopleShown,
        int organisations,
        String question,
        LocalDate dueBy) implements StatutoryEvent {

    @Override
    public String subject() {
        return escalationId;
    }
}
