package org.bothy.partner.referral;

import java.util.List;
import org.springframework.stereotype.Component;

/** Finds a person's referrals, both ways, for whoever must show everything held about them. */
@Component
public class PersonReferrals {

    private final ReferralLedger ledger;

    public PersonReferrals(ReferralLedger ledger) {
        this.ledger = ledger;
    }

    /** The referrals about the person with {@code personId}, whose journeys here are {@code journeyIds}. */
    public ReferralsAbout about(String personId, List<String> journeyIds) {
        return new ReferralsAbout(ledger.sentAbout(personId).stream().map(OutboxItem::of).toList(),
                ledger.acceptedOnto(journeyIds).stream().map(received -> InboxItem.of(received, null)).toList());
    }
}
