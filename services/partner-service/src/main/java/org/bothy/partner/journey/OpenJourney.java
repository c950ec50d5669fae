package org.bothy.partner.journey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to open a journey for the person behind a pseudonym, at one of this organisation's doors. */
public record OpenJourney(@TargetAggregateIdentifier String journeyId, String pseudonym, String door) {
}
