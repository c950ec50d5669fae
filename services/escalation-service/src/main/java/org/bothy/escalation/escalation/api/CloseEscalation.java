package org.bothy.escalation.escalation.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Place leads close an escalation with their verdict and a note of what they saw. */
public record CloseEscalation(@TargetAggregateIdentifier String escalationId, Verdict verdict, String note, Instant at) {
}
