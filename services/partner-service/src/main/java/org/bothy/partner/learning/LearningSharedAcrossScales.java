package org.bothy.partner.learning;

import java.util.List;

/**
 * Private event: what a learning cycle shares with other scales, as it now stands — its question, the patterns seen
 * and its learning for other scales, all written for sharing, and the cycles it connects to. The revision grows with
 * every snapshot so that the newest wins.
 */
public record LearningSharedAcrossScales(
        String cycleId,
        long revision,
        String scale,
        String question,
        String patterns,
        String learningForOtherScales,
        List<String> connections) {
}
