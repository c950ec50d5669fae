package org.bothy.place.lm3;

import java.math.BigDecimal;

/**
 * A local multiplier at one scale: {@code project} (one project of one organisation), {@code organisation} or
 * {@code consortium}. Above a project, LM3 is weighted by income: (sum R1 + sum R2 + sum R3) / sum R1.
 */
public record Lm3Figure(String scale, String organisation, String projectId, String projectName, String basis,
                        int projects, long r1Pence, long r2Pence, long r3Pence, BigDecimal lm3) {
}
