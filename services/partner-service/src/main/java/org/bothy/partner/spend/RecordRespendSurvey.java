package org.bothy.partner.spend;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to record what the survey of local suppliers and staff found they re-spend locally (R3). */
public record RecordRespendSurvey(@TargetAggregateIdentifier String projectId, Respend respend) {
}
