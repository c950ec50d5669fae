package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An escalation was raised: the private event, from which the statutory contract is translated. {@code people} is the
 * fewest people the evidence made sure of; {@code peopleShown} the count as the place published it (null in events
 * stored before it was kept: then {@code people} is shown after disclosure control alone).
 */
public record EscalationRaised(
        String escalationId,
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
