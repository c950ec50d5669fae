package org.bothy.partner.learning;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to record a governing review of a learning cycle: on a date, the answers to the governance questions — are
 * lessons being learnt, is practice changing, who is included.
 */
public record ReviewGovernance(
        @TargetAggregateIdentifier String cycleId,
        String reviewId,
        LocalDate reviewedOn,
        String lessonsLearnt,
        String practiceChanging,
        String whoIsIncluded) {
}
