package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A body reports a change it made in answer to the escalation, and the day it took effect. */
public record ReportChange(@TargetAggregateIdentifier String escalationId, String body, String description,
                           LocalDate madeOn, Instant at) {
}
