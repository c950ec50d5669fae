package org.bothy.partner.person;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to record a consent the person gave for one scope, until {@code expiresAt} if they set an end. */
public record GiveConsent(@TargetAggregateIdentifier String personId, String scope, Instant expiresAt) {
}
