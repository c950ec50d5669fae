package org.bothy.partner.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A referral this organisation made, with the receiving partner's answer once it comes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboxItem(String referralId, String journeyId, String toOrganisation, String status, String reason,
                         List<String> themes, Instant madeAt, Instant answeredAt, String declineReason,
                         boolean personErased) {
}
