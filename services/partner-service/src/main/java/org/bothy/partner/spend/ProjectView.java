package org.bothy.partner.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A funded project as this organisation sees it: income, spend lines, the survey, local spend so far, and LM3
 * predicted (from the start) and actual (once finished).
 *
 * @param status {@code running} or {@code finished}
 */
public record ProjectView(
        String projectId,
        String name,
        String status,
        long incomePence,
        long plannedLocalSpendPence,
        Respend plannedRespend,
        List<Line> spend,
        long localSpendPence,
        Respend respend,
        Lm3 predicted,
        Lm3 actual,
        Instant startedAt,
        Instant finishedAt) {

    /** One spend line. */
    public record Line(String lineId, String supplier, long amountPence, boolean local, Instant recordedAt) {
    }

    /** An LM3 figure with the R1, R2 and R3 it was worked out from. */
    public record Lm3(long r1Pence, long r2Pence, long r3Pence, BigDecimal lm3) {
    }
}
