package org.bothy.partner.journey;

/**
 * Private event: a barrier was recorded on a journey. It carries the journey's pseudonym so that the publisher can
 * translate it alone; the note stays inside this organisation.
 */
public record BarrierRecorded(
        String journeyId,
        String pseudonym,
        String barrierId,
        String theme,
        String systemActor,
        int level,
        String note) {
}
