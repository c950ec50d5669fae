package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;

/** The body reported a change made; {@code keptCommitment} when it came on or before the committed date. */
public record ChangeReported(String escalationId, String body, String description, LocalDate madeOn,
                             Instant reportedAt, boolean keptCommitment) {
}
