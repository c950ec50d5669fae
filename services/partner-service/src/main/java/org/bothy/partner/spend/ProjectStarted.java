package org.bothy.partner.spend;

/** Private event: a funded project started, with its income and the planned figures. */
public record ProjectStarted(
        String projectId,
        String name,
        long incomePence,
        long plannedLocalSpendPence,
        Respend plannedRespend) {
}
