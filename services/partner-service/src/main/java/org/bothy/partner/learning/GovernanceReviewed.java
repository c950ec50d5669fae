package org.bothy.partner.learning;

import java.time.LocalDate;

/** Private event: a governing review of a learning cycle, with its dated answers to the governance questions. */
public record GovernanceReviewed(
        String cycleId,
        String reviewId,
        LocalDate reviewedOn,
        String lessonsLearnt,
        String practiceChanging,
        String whoIsIncluded) {
}
