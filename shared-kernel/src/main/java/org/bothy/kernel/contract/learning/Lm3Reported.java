package org.bothy.kernel.contract.learning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A funded project's local multiplier: income R1, local spend R2 and local re-spend R3 in pence, and
 * LM3 = (R1 + R2 + R3) / R1 to two decimal places, predicted at the start or actual at the end.
 */
public record Lm3Reported(
        String eventId,
        Instant occurredAt,
        String organisation,
        String projectId,
        String projectName,
        String basis,
        long r1Pence,
        long r2Pence,
        long r3Pence,
        BigDecimal lm3) implements OrganisationLearning {

    public Lm3Reported {
        // JSON keeps a number's value, not its scale: fix it at 2 dp so a record read back equals the one written.
        lm3 = lm3 == null ? null : lm3.setScale(2, RoundingMode.HALF_UP);
    }

    /** LM3 = (R1 + R2 + R3) / R1 to 2 dp; R1 must be positive. */
    public static BigDecimal lm3(long r1Pence, long r2Pence, long r3Pence) {
        if (r1Pence <= 0) {
            throw new IllegalArgumentException("R1 (income) must be more than 0 pence, was " + r1Pence);
        }
        return BigDecimal.valueOf(r1Pence + r2Pence + r3Pence).divide(BigDecimal.valueOf(r1Pence), 2, RoundingMode.HALF_UP);
    }

    @Override
    public String subject() {
        return projectId;
    }
}
