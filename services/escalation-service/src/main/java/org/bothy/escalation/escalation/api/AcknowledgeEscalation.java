package org.bothy.escalation.escalation.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A statutory body says it has the escalation and will answer. */
public record AcknowledgeEscalation(@TargetAggregateIdentifier String escalationId, String body, Instant at) {
}
