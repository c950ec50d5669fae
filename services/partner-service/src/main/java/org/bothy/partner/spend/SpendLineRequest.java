package org.bothy.partner.spend;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /projects/{id}/spend}: with whom, how much in pence, and whether they are local. */
public record SpendLineRequest(
        @NotBlank @Size(max = 200) String supplier,
        @NotNull @Positive Long amountPence,
        @NotNull Boolean local) {
}
