package org.bothy.escalation.escalation.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Fresh evidence for the pattern of an open escalation: the counts of a later signal (people also as published), to join the record. */
public record AddEvidence(
        @TargetAggregateIdentifier String escalationId,
        String signalEventId,
        int people,
        String peopleShown,
        int organisations,
        Instant countedAt,
        Instant addedAt) {
}
