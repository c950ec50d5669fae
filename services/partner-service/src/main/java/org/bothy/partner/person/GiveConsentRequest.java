package org.bothy.partner.person;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/** The body of {@code POST /people/{personId}/consents}: the scope, and when the consent ends if the person says. */
public record GiveConsentRequest(@NotBlank String scope, @Future Instant expiresAt) {
}
