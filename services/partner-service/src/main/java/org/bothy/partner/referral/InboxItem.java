package org.bothy.partner.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A referral made to this organisation, as its workers see it; while it waits, who the person is, opened with this
 * organisation's key (absent once answered: an accepted person is then on their journey here).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxItem(String referralId, String fromOrganisation, String status, String reason, List<String> themes,
                        Instant receivedAt, Instant answeredAt, String declineReason, String journeyId,
                        String fullName, LocalDate dateOfBirth, String phone, String email, String address) {

    /** The item for a referral as the ledger keeps it, with who it is about when that could be opened (or null). */
    static InboxItem of(ReferralLedger.Received received, ReferredPerson person) {
        return new InboxItem(received.referralId(), received.fromOrganisation(), received.status(), received.reason(),
                received.themes(), received.receivedAt(), received.answeredAt(), received.answerReason(),
                received.journeyId(), person == null ? null : person.fullName(),
                person == null ? null : person.dateOfBirth(), person == null ? null : person.phone(),
                person == null ? null : person.email(), person == null ? null : person.address());
    }

    @Override
    public String toString() {
        return "InboxItem[" + referralId + ", " + status + "]";
    }
}
