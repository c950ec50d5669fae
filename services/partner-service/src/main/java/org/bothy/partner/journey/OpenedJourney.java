package org.bothy.partner.journey;

/** The answer to opening a journey: its id, the person's pseudonym and their id here. */
public record OpenedJourney(String journeyId, String pseudonym, String personId) {
}
