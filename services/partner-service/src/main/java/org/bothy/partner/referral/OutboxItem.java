package org.bothy.partner.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A referral this organisation made, with the receiving partner's answer once it comes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboxItem(String referralId, String journeyId, String toOrganisation, String status, String reason,
                         List<String> themes, Instant madeAt, Instant answeredAt, String declineReason,
                         boolean personErased) {

    /** The item for a referral as the ledger keeps it. */
    static OutboxItem of(ReferralLedger.Sent sent) {
        return new OutboxItem(sent.referralId(), sent.journeyId(), sent.toOrganisation(), sent.status(), sent.reason(),
                sent.themes(), sent.madeAt(), sent.answeredAt(), sent.answerReason(), sent.erased());
    }
}
