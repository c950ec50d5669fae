package org.bothy.partner.learning;

/** Private event: a learning cycle's plan is now this. */
public record PlanRevised(String cycleId, CyclePlan plan) {
}
