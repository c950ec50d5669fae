package org.bothy.escalation.escalation.api;

import java.time.Instant;

/** The payload of the durable deadline that fires when an answer is due ({@code at}) and of each reminder. */
public record AnswerDue(String escalationId, Instant at) {
}
