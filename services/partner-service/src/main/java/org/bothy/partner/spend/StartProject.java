package org.bothy.partner.spend;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to start a funded project with its income (R1) and the planned figures its LM3 is predicted from: the local
 * spend it plans (R2) and the re-spend it expects (R3).
 */
public record StartProject(
        @TargetAggregateIdentifier String projectId,
        String name,
        long incomePence,
        long plannedLocalSpendPence,
        Respend plannedRespend) {
}
