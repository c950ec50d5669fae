package org.bothy.partner.referral;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.kernel.contract.referral.ReferralMade;
import org.bothy.partner.PartnerOrganisation;
import org.springframework.stereotype.Component;

/**
 * Keeps the referral views (outbox and inbox tables) and the contract outbox from the referral aggregates' events.
 * It is a subscribing processor, so it runs inside the command's own transaction: the worker sees the referral in
 * the list the moment the request is answered, and the contract for the broker is written with the decision or not
 * at all. Each contract's event id is the stored event's own id, so it never changes however often it is sent.
 */
@Component
@ProcessingGroup(ReferralRecords.PROCESSOR)
public class ReferralRecords {

    /** The subscribing processor these handlers run in (see ReferralConfiguration). */
    public static final String PROCESSOR = "referral-records";

    private final ReferralLedger ledger;
    private final ReferralOutbox outbox;
    private final SealedForPerson reasons;
    private final ReceivedDetailsKeys detailsKeys;
    private final String organisation;

    public ReferralRecords(ReferralLedger ledger, ReferralOutbox outbox, SealedForPerson reasons,
                           ReceivedDetailsKeys detailsKeys, PartnerOrganisation organisation) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.reasons = reasons;
        this.detailsKeys = detailsKeys;
        this.organisation = organisation.code();
    }

    @EventHandler
    void on(PersonReferred referred, EventMessage<?> message) {
        // the reason crosses as written for the receiving partner: it was sealed here only for the event store
        String reason = reasons.open(referred.personId(), referred.sealedReason()).orElseThrow(() ->
                new IllegalStateException("referral " + referred.referralId() + " is for an erased person"));
        ReferralMade made = new ReferralMade(message.getIdentifier(), message.getTimestamp(), referred.referralId(),
                referred.fromOrganisation(), referred.toOrganisation(), referred.pseudonym(), reason,
                referred.themes(), referred.sealedDetails());
        ledger.sent(made, referred.journeyId(), referred.personId());
        outbox.add(made);
    }

    @EventHandler
    void on(ReferralAcceptedByPartner accepted) {
        ledger.answered(accepted.referralId(), ReferralLedger.ACCEPTED, null, accepted.answeredAt());
    }

    @EventHandler
    void on(ReferralDeclinedByPartner declined) {
        String reason = ledger.personOfSent(declined.referralId())
                .flatMap(personId -> reasons.open(personId, declined.sealedReason())).orElse(null);
        ledger.answered(declined.referralId(), ReferralLedger.DECLINED, reason, declined.answeredAt());
    }

    @EventHandler
    void on(ReferralReceived received) {
        String reason = detailsKeys.open(received.referralId(), received.sealedReason()).orElseThrow(() ->
                new IllegalStateException("referral " + received.referralId() + " has no key to open its reason"));
        ledger.received(received, reason);
    }

    @EventHandler
    void on(ReceivedReferralAccepted accepted, EventMessage<?> message) {
        Instant at = message.getTimestamp();
        requireAnswered(ledger.accept(accepted.referralId(), accepted.journeyId(), at), accepted.referralId());
        detailsKeys.destroy(accepted.referralId());
        outbox.add(new ReferralAccepted(message.getIdentifier(), at, accepted.referralId(),
                accepted.fromOrganisation(), organisation));
    }

    @EventHandler
    void on(ReceivedReferralDeclined declined, EventMessage<?> message) {
        Instant at = message.getTimestamp();
        requireAnswered(ledger.decline(declined.referralId(), declined.reason(), at), declined.referralId());
        detailsKeys.destroy(declined.referralId());
        outbox.add(new ReferralDeclined(message.getIdentifier(), at, declined.referralId(),
                declined.fromOrganisation(), organisation, declined.reason()));
    }

    private static void requireAnswered(boolean changed, String referralId) {
        if (!changed) {
            // the aggregate answered it once; a view that disagrees must not let the answer through half-recorded
            throw new IllegalStateException("the inbox does not hold referral " + referralId + " as waiting");
        }
    }
}
