package org.bothy.partner.learning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to record what a learning cycle has learnt so far; it replaces what was recorded before. */
public record RecordLearning(@TargetAggregateIdentifier String cycleId, CycleLearning learning) {
}
