package org.bothy.partner.journey.matters;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /journeys/{journeyId}/what-matters}: what matters to the person, in their words. */
public record WhatMattersRequest(@NotBlank @Size(max = 4000) String inTheirWords) {

    @Override
    public String toString() {
        // the person's words are private
        return "WhatMattersRequest[hidden]";
    }
}
