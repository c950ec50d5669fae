package org.bothy.partner.learning;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /learning-cycles/{id}/reviews}: a governing review's date and answers. */
public record ReviewRequest(
        @NotNull @PastOrPresent LocalDate reviewedOn,
        @Size(max = 4000) String lessonsLearnt,
        @Size(max = 4000) String practiceChanging,
        @Size(max = 4000) String whoIsIncluded) {
}
