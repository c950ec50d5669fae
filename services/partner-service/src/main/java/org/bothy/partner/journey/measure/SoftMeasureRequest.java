package org.bothy.partner.journey.measure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /journeys/{journeyId}/soft-measures}: a dimension code and the person's score, 1 to 10. */
public record SoftMeasureRequest(
        @NotBlank @Size(max = 100) String dimension,
        @NotNull @Min(1) @Max(10) Integer score,
        @PastOrPresent LocalDate scoredOn) {
}
