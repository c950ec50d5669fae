package org.bothy.partner.journey;

import java.time.Instant;
import java.util.List;

/**
 * A journey as a worker of this organisation sees it: everything recorded on it, private notes included.
 *
 * @param status {@code OPEN} or {@code CLOSED}
 */
public record JourneyView(
        String journeyId,
        String pseudonym,
        String door,
        Instant openedAt,
        String status,
        Instant closedAt,
        List<Barrier> barriers) {

    /** One barrier as it was recorded. */
    public record Barrier(
            String barrierId,
            String theme,
            String systemActor,
            int level,
            String note,
            Instant recordedAt) {
    }
}
