package org.bothy.partner.spend;

import java.math.BigDecimal;

/**
 * Private event: a project's local multiplier, predicted or actual: R1, R2 and R3 in pence and
 * LM3 = (R1 + R2 + R3) / R1 to 2 dp. Shared with the consortium as it stands, with the project's public name.
 */
public record Lm3Calculated(
        String projectId,
        String name,
        Lm3Basis basis,
        long r1Pence,
        long r2Pence,
        long r3Pence,
        BigDecimal lm3) {
}
