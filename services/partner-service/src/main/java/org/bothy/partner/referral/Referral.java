package org.bothy.partner.referral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A referral this organisation made, on the referring side: made only from an open journey, to another partner,
 * with the person's consent to that partner in force; then answered by that partner once, accepted or declined.
 * The answers arrive from the broker, so the same answer again changes nothing, and a contrary or foreign one is
 * refused.
 */
@Aggregate
public class Referral {

    @AggregateIdentifier
    private String referralId;
    private String toOrganisation;
    private boolean accepted;
    private boolean declined;

    /** The scope of consent a referral to {@code organisation} needs. */
    static String consentScope(String organisation) {
        return "referral:" + organisation;
    }

    public Referral() {
        // for Axon, which rebuilds a referral from its events and creates one to handle MakeReferral
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(MakeReferral command) {
        // a creation policy rather than a constructor: Axon logs a refusal thrown from a constructor as a failure
        // to create, with its stack, though a referral refused for want of consent is an everyday answer
        if (command.toOrganisation().equals(command.fromOrganisation())) {
            throw ReferralRefused.field("to", "a referral goes to another organisation than "
                    + command.fromOrganisation());
        }
        if (!command.journeyOpen()) {
            throw ReferralRefused.conflict("journey " + command.journeyId()
                    + " is closed: a referral is made from an open journey");
        }
        String scope = consentScope(command.toOrganisation());
        if (command.consentsInForce().stream().noneMatch(consent -> consent.allows(scope, command.at()))) {
            throw ReferralRefused.conflict("consent missing: the person has no consent in force for " + scope);
        }
        apply(new PersonReferred(command.referralId(), command.journeyId(), command.personId(), command.pseudonym(),
                command.fromOrganisation(), command.toOrganisation(), command.sealedReason(), command.themes(),
                command.sealedDetails()));
    }

    @CommandHandler
    public void handle(NoteReferralAccepted command) {
        requireAnsweredBy(command.byOrganisation());
        if (accepted) {
            return; // the same answer read again
        }
        if (declined) {
            throw ReferralRefused.conflict("referral " + referralId + " was declined: it cannot be accepted too");
        }
        apply(new ReferralAcceptedByPartner(referralId, toOrganisation, command.answeredAt()));
    }

    @CommandHandler
    public void handle(NoteReferralDeclined command) {
        requireAnsweredBy(command.byOrganisation());
        if (declined) {
            return; // the same answer read again
        }
        if (accepted) {
            throw ReferralRefused.conflict("referral " + referralId + " was accepted: it cannot be declined too");
        }
        apply(new ReferralDeclinedByPartner(referralId, toOrganisation, command.sealedReason(),
                command.answeredAt()));
    }

    private void requireAnsweredBy(String organisation) {
        if (!toOrganisation.equals(organisation)) {
            throw ReferralRefused.conflict("referral " + referralId + " went to " + toOrganisation
                    + ", so " + organisation + " cannot answer it");
        }
    }

    @EventSourcingHandler
    void on(PersonReferred event) {
        referralId = event.referralId();
        toOrganisation = event.toOrganisation();
    }

    @EventSourcingHandler
    void on(ReferralAcceptedByPartner event) {
        accepted = true;
    }

    @EventSourcingHandler
    void on(ReferralDeclinedByPartner event) {
        declined = true;
    }
}
