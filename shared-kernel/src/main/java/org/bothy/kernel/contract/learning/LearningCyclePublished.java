package org.bothy.kernel.contract.learning;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of what one learning cycle shares with other scales: its question, the patterns seen and the learning for
 * other scales (all written for sharing), and the cycles it connects to. A higher revision replaces a lower one.
 */
public record LearningCyclePublished(
        String eventId,
        Instant occurredAt,
        String organisation,
        String cycleId,
        int revision,
        String scale,
        String question,
        String patterns,
        String learningForOtherScales,
        List<String> connectedCycleIds) implements OrganisationLearning {

    public LearningCyclePublished {
        connectedCycleIds = connectedCycleIds == null ? null : List.copyOf(connectedCycleIds);
    }

    @Override
    public String subject() {
        return cycleId;
    }
}
