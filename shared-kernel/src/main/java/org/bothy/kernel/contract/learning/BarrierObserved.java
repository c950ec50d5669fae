package org.bothy.kernel.contract.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A partner recorded a barrier in a person's journey: its theme, the system actor causing it, its level and the day it
 * was met. The private note never leaves the partner. Written as v2; v1 records (without {@code observedOn}) are read
 * with {@code observedOn} taken as the UTC date of {@code occurredAt}.
 */
public record BarrierObserved(
        String eventId,
        Instant occurredAt,
        String organisation,
        String pseudonym,
        String journeyId,
        String barrierId,
        String theme,
        String systemActor,
        int level,
        LocalDate observedOn) implements LearningEvent {

    /** The v1 shape: the barrier was met on the day it was recorded (in UTC). */
    public BarrierObserved(String eventId, Instant occurredAt, String organisation, String pseudonym, String journeyId,
                           String barrierId, String theme, String systemActor, int level) {
        this(eventId, occurredAt, organisation, pseudonym, journeyId, barrierId, theme, systemActor, level,
                dayOf(occurredAt));
    }

    /** The UTC date of an instant: how a v1 record's day is read. */
    public static LocalDate dayOf(Instant occurredAt) {
        return occurredAt == null ? null : LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }
}
