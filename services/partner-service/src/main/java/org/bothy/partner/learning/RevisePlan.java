package org.bothy.partner.learning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to replace a learning cycle's plan, as it is learnt what to ask and try. */
public record RevisePlan(@TargetAggregateIdentifier String cycleId, CyclePlan plan) {
}
