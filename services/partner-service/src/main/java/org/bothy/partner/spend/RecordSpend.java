package org.bothy.partner.spend;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to record one line of a project's spend: with whom, how much in pence, and whether they are local. */
public record RecordSpend(
        @TargetAggregateIdentifier String projectId,
        String lineId,
        String supplier,
        long amountPence,
        boolean local) {
}
