package org.bothy.partner.journey;

/** Private event: a journey was closed. */
public record JourneyClosed(String journeyId) {
}
