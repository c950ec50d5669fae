package org.bothy.partner.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /journeys/{journeyId}/referrals}: the partner to refer to, the reason written for that
 * partner to read, and the themes it concerns.
 */
public record ReferRequest(
        @NotBlank @Size(max = 64) String to,
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 12) List<String> themes) {
}
