package org.bothy.partner.spend;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /projects}: the project's public name (shared with the consortium with its LM3), its
 * income R1, and the planned local spend R2 and expected re-spend R3 its LM3 is predicted from.
 */
public record StartProjectRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Positive Long incomePence,
        @NotNull @PositiveOrZero Long plannedLocalSpendPence,
        @NotNull @Valid RespendRequest plannedRespend) {
}
