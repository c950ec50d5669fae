package org.bothy.kernel.contract.escalation;

import java.time.Instant;

/**
 * Later evidence joined an open escalation: the people (after disclosure control only, e.g. "&lt;5") and organisations
 * behind the pattern as counted at {@code countedAt}. Written as v2, whose {@code peopleShown} may also be "*" (the
 * place hid the count to protect another); v1 allowed only numbers and "&lt;threshold", and is read as it is.
 */
public record EvidenceAdded(
        String eventId,
        Instant occurredAt,
        String escalationId,
        String body,
        String peopleShown,
        int organisations,
        Instant countedAt) implements StatutoryEvent {

    @Override
    public String subject() {
        return escalationId;
    }
}
