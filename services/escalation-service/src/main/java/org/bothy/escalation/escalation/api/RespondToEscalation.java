package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A body's answer: {@code COMMITTED} names the {@code change} and the date it commits to ({@code commitBy});
 * {@code DECLINED} gives its {@code reasons}; {@code MORE_INFORMATION_REQUESTED} says what it needs in {@code request}.
 */
public record RespondToEscalation(
        @TargetAggregateIdentifier String escalationId,
        String body,
        ResponseKind kind,
        String change,
        LocalDate commitBy,
        String reasons,
        String request,
        Instant at) {
}
