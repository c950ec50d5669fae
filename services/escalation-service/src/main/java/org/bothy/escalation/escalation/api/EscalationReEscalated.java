package org.bothy.escalation.escalation.api;

import java.time.Instant;

/** The pattern was taken from this body to another, as escalation {@code newEscalationId}; this one ends here. */
public record EscalationReEscalated(String escalationId, String fromBody, String toBody, String newEscalationId,
                                    String reason, Instant at) {
}
