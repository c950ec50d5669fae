package org.bothy.partner.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /journeys}: whom it is for (a registered person's id, or their name and date of birth to
 * register them on the fly), the consents they give as it opens (e.g. {@code share-learning}), and the door they
 * came through.
 */
public record OpenJourneyRequest(
        @Valid PersonDetails person,
        @Size(max = 36) String personId,
        List<String> consents,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be a code: lower-case letters, digits and single hyphens") String door) {
}
