package org.bothy.partner.person;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to record, as of {@code at}, that a consent has passed its expiry; nothing happens if it has not. */
public record NoteConsentExpired(@TargetAggregateIdentifier String personId, String scope, Instant at) {
}
