package org.bothy.partner.spend;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to finish a project, which reports its actual LM3 from the spend recorded and the re-spend surveyed. */
public record FinishProject(@TargetAggregateIdentifier String projectId) {
}
