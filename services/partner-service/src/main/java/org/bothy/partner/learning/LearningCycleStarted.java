package org.bothy.partner.learning;

/** Private event: a learning cycle started at a scale, with its plan and how it is managed. */
public record LearningCycleStarted(String cycleId, String scale, CyclePlan plan, CycleManaging managing) {
}
