package org.bothy.partner.person;

import java.time.Instant;

/** Private event: the person gave consent for a scope, given at the event's own time, until {@code expiresAt}. */
public record ConsentGiven(String personId, String pseudonym, String scope, Instant expiresAt) {
}
