package org.bothy.partner.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to erase a person: their key is destroyed, and with it everything sealed under it. */
public record ErasePerson(@TargetAggregateIdentifier String personId) {
}
