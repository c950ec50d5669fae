package org.bothy.partner.journey;

import java.time.LocalDate;

/**
 * Private event: a barrier was recorded on a journey, observed on a day. It carries the journey's pseudonym so that
 * the publisher can translate it alone; the note stays inside this organisation.
 */
public record BarrierRecorded(
        String journeyId,
        String pseudonym,
        String barrierId,
        String theme,
        String systemActor,
        int level,
        String note,
        LocalDate observedOn) {

    /** A barrier recorded before the day it was observed was kept (read back from older events too). */
    public BarrierRecorded(String journeyId, String pseudonym, String barrierId, String theme, String systemActor,
                           int level, String note) {
        this(journeyId, pseudonym, barrierId, theme, systemActor, level, note, null);
    }
}
