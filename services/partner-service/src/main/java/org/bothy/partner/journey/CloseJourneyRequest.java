package org.bothy.partner.journey;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /journeys/{journeyId}/closure}: the person's own words about the journey's end. */
public record CloseJourneyRequest(@Size(max = 4000) String inTheirWords) {

    @Override
    public String toString() {
        // the person's words are private
        return "CloseJourneyRequest[hidden]";
    }
}
