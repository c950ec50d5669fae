package org.bothy.partner.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bothy.partner.person.PersonErased;
import org.bothy.partner.person.PersonRecords;
import org.springframework.stereotype.Component;

/**
 * When a person is erased here, their referrals, made here or received onto their journeys here, keep only that they
 * were made and answered: the reasons go from the views (in the event store they are sealed under the person's key,
 * or a received referral's own, both destroyed by then), and a referral still waiting for the broker is not sent. Runs with the person's own records, in the erasure's transaction.
 */
@Component
@ProcessingGroup(PersonRecords.PROCESSOR)
public class ReferralErasure {

    private final ReferralLedger ledger;
    private final ReferralOutbox outbox;
    private final PersonRecords people;

    public ReferralErasure(ReferralLedger ledger, ReferralOutbox outbox, PersonRecords people) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.people = people;
    }

    @EventHandler
    void on(PersonErased event) {
        ledger.sentFor(event.personId()).forEach(outbox::forget);
        ledger.eraseSentFor(event.personId());
        ledger.eraseReceivedOnto(people.journeysOf(event.personId()));
    }
}
