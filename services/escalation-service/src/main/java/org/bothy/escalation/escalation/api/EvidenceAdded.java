package org.bothy.escalation.escalation.api;

import java.time.Instant;

/**
 * A later signal's counts joined an open escalation: {@code people} the fewest the signal makes sure of,
 * {@code peopleShown} as the place published it (null in events stored before it was kept); disclosure control applies
 * when shown outside.
 */
public record EvidenceAdded(
        String escalationId,
        String body,
        String signalEventId,
        int people,
        String peopleShown,
        int organisations,
        Instant countedAt,
        Instant addedAt) {
}
