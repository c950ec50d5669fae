package org.bothy.partner.journey.caseload;

import java.time.Instant;

/**
 * A journey in the organisation's list: where it began and whether it is still open.
 *
 * @param status {@code OPEN} or {@code CLOSED}
 */
public record JourneySummary(String journeyId, String door, String status, Instant openedAt, Instant closedAt) {
}
