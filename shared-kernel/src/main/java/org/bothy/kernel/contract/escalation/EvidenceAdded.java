package org.bothy.kernel.contract.escalation;

import java.time.Instant;

/**
 * Later evidence joined an open escalation: the people (after disclosure control only, e.g. "<5") and organisations
 * behind the pattern as counted at {@code countedAt}.
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
