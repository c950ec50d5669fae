package org.bothy.partner.learning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to replace how a learning cycle is managed: time, resources, enablers, barriers, connections. */
public record ReviseManaging(@TargetAggregateIdentifier String cycleId, CycleManaging managing) {
}
