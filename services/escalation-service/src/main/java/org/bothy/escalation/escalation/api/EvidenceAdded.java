package org.bothy.escalation.escalation.api;

import java.time.Instant;

/** A later signal's counts joined an open escalation (real counts; disclosure control applies when shown outside). */
public record EvidenceAdded(
        String escalationId,
        String body,
        String signalEventId,
        int people,
        int organisations,
        Instant countedAt,
        Instant addedAt) {
}
