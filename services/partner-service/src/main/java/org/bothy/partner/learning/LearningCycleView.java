package org.bothy.partner.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A learning cycle as this organisation's people see it: its scale, plan, managing, learning and governing reviews,
 * and the revision last shared with other scales (0 when nothing has been).
 */
public record LearningCycleView(
        String cycleId,
        String scale,
        CyclePlan plan,
        CycleManaging managing,
        CycleLearning learning,
        List<Review> reviews,
        long sharedRevision,
        Instant startedAt,
        Instant updatedAt) {

    /** One governing review: its date and the answers to the governance questions. */
    public record Review(String reviewId, LocalDate reviewedOn, String lessonsLearnt, String practiceChanging,
                         String whoIsIncluded) {
    }
}
