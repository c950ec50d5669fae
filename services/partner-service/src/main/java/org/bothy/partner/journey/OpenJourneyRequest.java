package org.bothy.partner.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /journeys}: who the person is (used only to compute the pseudonym) and the door they
 * came through.
 */
public record OpenJourneyRequest(
        @NotNull @Valid PersonDetails person,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be a code: lower-case letters, digits and single hyphens") String door) {
}
