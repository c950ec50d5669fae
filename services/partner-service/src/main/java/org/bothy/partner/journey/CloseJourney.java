package org.bothy.partner.journey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to close a journey: the person and the organisation have walked it to its end. */
public record CloseJourney(@TargetAggregateIdentifier String journeyId) {
}
