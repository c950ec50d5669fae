package org.bothy.partner.referral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A referral another partner made to this organisation, on the receiving side: received once however often the
 * broker delivers it (its id is the referral's own), then answered here exactly once, accepted for the person its
 * details name or declined with a reason.
 */
@Aggregate
public class ReceivedReferral {

    @AggregateIdentifier
    private String referralId;
    private String fromOrganisation;
    private String pseudonym;
    private String answer;

    public ReceivedReferral() {
        // for Axon, which rebuilds a referral from its events, and creates one when the first delivery arrives
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReceiveReferral command) {
        if (referralId != null) {
            return; // delivered again: the broker is at least once, the inbox holds it once
        }
        if (command.fromOrganisation().equals(command.toOrganisation())) {
            throw ReferralRefused.conflict("a referral from " + command.fromOrganisation()
                    + " to itself is not received");
        }
        apply(new ReferralReceived(command.referralId(), command.fromOrganisation(), command.pseudonym(),
                command.sealedReason(), command.themes(), command.sealedDetails(), command.madeAt()));
    }

    @CommandHandler
    public void handle(AcceptReferral command) {
        requireWaiting();
        if (!pseudonym.equals(command.openedPseudonym())) {
            throw ReferralRefused.conflict("the sealed details of referral " + referralId
                    + " do not match its pseudonym");
        }
        apply(new ReceivedReferralAccepted(referralId, fromOrganisation, command.journeyId(), command.personId()));
    }

    @CommandHandler
    public void handle(DeclineReferral command) {
        requireWaiting();
        if (command.reason() == null || command.reason().isBlank()) {
            throw ReferralRefused.field("reason", "must not be blank: the referring partner reads why");
        }
        apply(new ReceivedReferralDeclined(referralId, fromOrganisation, command.reason().strip()));
    }

    private void requireWaiting() {
        if (answer != null) {
            throw ReferralRefused.conflict("referral " + referralId + " is already " + answer);
        }
    }

    @EventSourcingHandler
    void on(ReferralReceived event) {
        referralId = event.referralId();
        fromOrganisation = event.fromOrganisation();
        pseudonym = event.pseudonym();
    }

    @EventSourcingHandler
    void on(ReceivedReferralAccepted event) {
        answer = ReferralLedger.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReceivedReferralDeclined event) {
        answer = ReferralLedger.DECLINED;
    }
}
