package org.bothy.partner.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /referrals/{referralId}/decline}: why, written for the referring partner to read. */
public record DeclineRequest(@NotBlank @Size(max = 2000) String reason) {
}
