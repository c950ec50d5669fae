package org.bothy.partner.journey;

/** Private event: a journey was opened for a pseudonymous person at a door. */
public record JourneyOpened(String journeyId, String pseudonym, String door) {
}
