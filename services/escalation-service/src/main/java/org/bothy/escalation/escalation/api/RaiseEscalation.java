package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A place lead's decision to put an accepted candidate's pattern in front of a statutory body. */
public record RaiseEscalation(
        @TargetAggregateIdentifier String escalationId,
        String candidateId,
        String patternKey,
        String body,
        String theme,
        String systemActor,
        int people,
        int organisations,
        String question,
        LocalDate dueBy,
        Instant raisedAt) {
}
