package org.bothy.partner.journey;

/** The answer to opening a journey: its id and the person's pseudonym. */
public record OpenedJourney(String journeyId, String pseudonym) {
}
