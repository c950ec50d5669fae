package org.bothy.partner.spend;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** R3 as surveyed: either {@code percent} of the local spend re-spent locally, or {@code pence}, not both. */
public record RespendRequest(
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percent,
        @PositiveOrZero Long pence) {

    /** The re-spend this request gives; the project refuses one that sets both or neither. */
    Respend respend() {
        return new Respend(percent, pence);
    }
}
