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

    @Override
    public String toString() {
        return "InboxItem[" + referralId + ", " + status + "]";
    }
}
