package org.bothy.escalation.escalation.api;

import java.time.Instant;
import java.time.LocalDate;

/** The body was reminded of an overdue answer; {@code reminder} counts from 1. */
public record EscalationReminded(String escalationId, String body, int reminder, LocalDate dueBy, Instant remindedAt) {
}
