package org.bothy.partner.learning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to start a learning cycle at a named scale, with its plan and how it is managed. */
public record StartLearningCycle(
        @TargetAggregateIdentifier String cycleId,
        String scale,
        CyclePlan plan,
        CycleManaging managing) {
}
