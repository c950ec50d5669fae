package org.bothy.partner.referral;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.bothy.kernel.contract.referral.SealedEnvelope;

/**
 * Asks to refer the person on a journey to another partner. It carries what the referral is decided on, as this
 * organisation's records stood when the worker asked: whether the journey is open and the consents in force. The
 * reason is sealed under the person's own key (so erasure leaves it unreadable in the event store); who the person
 * is travels sealed for the receiving partner alone.
 */
public record MakeReferral(@TargetAggregateIdentifier String referralId, String journeyId, String personId,
                           String pseudonym, String fromOrganisation, String toOrganisation, String sealedReason,
                           List<String> themes, SealedEnvelope sealedDetails, boolean journeyOpen,
                           List<ConsentInForce> consentsInForce, Instant at) {

    public MakeReferral {
        themes = themes == null ? List.of() : List.copyOf(themes);
        consentsInForce = consentsInForce == null ? List.of() : List.copyOf(consentsInForce);
    }

    /** One consent in force for the person: its scope and when it expires (null when open-ended). */
    public record ConsentInForce(String scope, Instant expiresAt) {

        /** Whether this is a consent to {@code scope} still in force at {@code at}. */
        boolean allows(String wanted, Instant at) {
            return scope.equals(wanted) && (expiresAt == null || expiresAt.isAfter(at));
        }
    }
}
