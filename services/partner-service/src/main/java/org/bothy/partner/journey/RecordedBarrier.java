package org.bothy.partner.journey;

/** The answer to recording a barrier: its id. */
public record RecordedBarrier(String barrierId) {
}
