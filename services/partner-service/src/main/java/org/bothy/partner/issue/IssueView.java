package org.bothy.partner.issue;

import java.time.Instant;
import java.util.List;

/**
 * One issue as this organisation's workers and leads see it, with the journeys and barriers it rests on.
 *
 * @param status  {@code open} or {@code closed}
 * @param version what {@code ETag} and {@code If-Match} carry: it grows with every change
 */
public record IssueView(
        String issueId,
        String description,
        int level,
        String owner,
        String status,
        String countermeasure,
        String systemChange,
        List<String> themes,
        List<String> systemActors,
        List<Evidence> evidence,
        int journeys,
        int barriers,
        boolean sharedWithPlace,
        Instant raisedAt,
        Instant updatedAt,
        long version) {

    /** One journey the issue rests on, and the barrier met on it when one was named. */
    public record Evidence(String journeyId, String barrierId, Instant linkedAt) {
    }
}
