package org.bothy.escalation.escalation.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Place leads take the pattern to another body, as a new escalation ({@code newEscalationId}). */
public record ReEscalate(@TargetAggregateIdentifier String escalationId, String toBody, String newEscalationId,
                         String reason, Instant at) {
}
