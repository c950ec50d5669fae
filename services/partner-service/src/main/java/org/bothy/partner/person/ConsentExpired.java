package org.bothy.partner.person;

import java.time.Instant;

/** Private event: a consent reached its expiry and counts as withdrawn from then on. */
public record ConsentExpired(String personId, String pseudonym, String scope, Instant expiredAt) {
}
