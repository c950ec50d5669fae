package org.bothy.partner.journey.timeline;

import java.time.Instant;

/**
 * One recorded fact of a journey, for the organisation's own workers: its version, its type, when it was recorded,
 * which worker recorded it, and the fact itself, private text included.
 */
public record TimelineEntry(long version, String type, Instant recordedAt, String recordedBy, Object fact) {
}
