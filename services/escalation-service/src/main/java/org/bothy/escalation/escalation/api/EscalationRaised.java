package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;

/** An escalation was raised: the private event, from which the statutory contract is translated. */
public record EscalationRaised(
        String escalationId,
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
