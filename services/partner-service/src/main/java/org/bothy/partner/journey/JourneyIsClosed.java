package org.bothy.partner.journey;

/** Refusal: nothing more can be recorded on a journey once it is closed. */
public class JourneyIsClosed extends RuntimeException {

    public JourneyIsClosed(String journeyId) {
        super("journey " + journeyId + " is closed");
    }
}
