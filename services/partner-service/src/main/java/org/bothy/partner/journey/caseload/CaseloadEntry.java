package org.bothy.partner.journey.caseload;

import java.time.Instant;

/**
 * A journey in a worker's caseload.
 *
 * @param status       {@code OPEN} or {@code CLOSED}
 * @param openedByMe   whether this worker opened it
 * @param lastWorkedAt the last time this worker recorded something on it
 */
public record CaseloadEntry(String journeyId, String door, String status, Instant openedAt, Instant closedAt,
                            boolean openedByMe, Instant lastWorkedAt) {
}
