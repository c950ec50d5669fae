package org.bothy.partner.learning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /learning-cycles}: the scale it runs at, its plan, and how it is managed. */
public record StartLearningCycleRequest(
        @NotBlank @Size(max = 64) String scale,
        @NotNull @Valid PlanRequest plan,
        @Valid ManagingRequest managing) {
}
