package org.bothy.partner.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to record that the person withdrew their consent for one scope. */
public record RevokeConsent(@TargetAggregateIdentifier String personId, String scope) {
}
