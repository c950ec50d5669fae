package org.bothy.partner.spend;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * R3 as a survey of local suppliers and staff gives it: either the share of the local spend they re-spend locally,
 * as a percentage, or the amount itself in pence. Exactly one is set.
 */
public record Respend(BigDecimal percent, Long pence) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A survey that found this percentage of the local spend re-spent locally. */
    public static Respend percent(BigDecimal percent) {
        return new Respend(percent, null);
    }

    /** A survey that found this amount re-spent locally. */
    public static Respend pence(long pence) {
        return new Respend(null, pence);
    }

    /** R3 in pence for a local spend (R2) of {@code localSpendPence}: a percentage is rounded half up to the penny. */
    public long ofLocalSpend(long localSpendPence) {
        if (pence != null) {
            return pence;
        }
        return percent.multiply(BigDecimal.valueOf(localSpendPence)).divide(HUNDRED, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
