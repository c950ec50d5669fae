package org.bothy.partner.learning;

/** Private event: how a learning cycle is managed is now this. */
public record ManagingRevised(String cycleId, CycleManaging managing) {
}
