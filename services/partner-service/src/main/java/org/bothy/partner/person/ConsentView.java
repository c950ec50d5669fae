package org.bothy.partner.person;

import java.time.Instant;

/**
 * One consent as the person gave it.
 *
 * @param status  {@code ACTIVE}, {@code REVOKED} or {@code EXPIRED} (an expired consent counts as withdrawn)
 * @param endedAt when it was revoked or expired; null while active
 */
public record ConsentView(String scope, String status, Instant givenAt, Instant expiresAt, Instant endedAt) {
}
