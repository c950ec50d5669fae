package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A place lead's decision to put an accepted candidate's pattern in front of a statutory body. {@code people} is the
 * fewest people the evidence makes sure of (kept here, never sent); {@code peopleShown} is the count as the place
 * published it ("12", "<5", "*"), so that what the body is shown is never more precise than that.
 */
public record RaiseEscalation(
        @TargetAggregateIdentifier String escalationId,
        String candidateId,
        String patternKey,
        String body,
        String theme,
        String systemActor,
        int people,
        String peopleShown,
        int organisations,
        String question,
        LocalDate dueBy,
        Instant raisedAt) {
}
