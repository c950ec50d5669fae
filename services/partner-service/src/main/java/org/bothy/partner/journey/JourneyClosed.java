package org.bothy.partner.journey;

/** Private event: a journey was closed, with the person's own words (which stay in this organisation). */
public record JourneyClosed(String journeyId, String pseudonym, String inTheirWords) {

    /** A closure as the first version of the service recorded it. */
    public JourneyClosed(String journeyId) {
        this(journeyId, null, null);
    }
}
