package org.bothy.place.rebuild;

import java.time.Instant;

/**
 * How far a rebuild of the projections has got: its state, events applied of the total on the topics when it
 * started (plus any that arrived before the swap), the rate, and the time left at that rate.
 */
public record RebuildProgress(State state, long eventsDone, long eventsTotal, long eventsPerSecond, Long secondsLeft,
                              Instant startedAt, Instant finishedAt, String failure) {

    /** Where a rebuild stands. */
    public enum State {
        /** No rebuild has run since the service started. */
        IDLE,
        /** Reading the topics into the shadow tables; the views answer from the current tables. */
        REBUILDING,
        /** Every event read: erasures applied, tallies counted and indexes built in the shadow; views as before. */
        INDEXING,
        /** The live intake is paused while the shadow catches up with the last records, then the tables swap. */
        SWAPPING,
        /** The rebuilt tables are the current ones. */
        DONE,
        /** It stopped; the current tables were left as they were. */
        FAILED
    }

    /** Nothing has run. */
    public static RebuildProgress idle() {
        return new RebuildProgress(State.IDLE, 0, 0, 0, null, null, null, null);
    }

    /** Whether a rebuild is under way. */
    public boolean running() {
        return state == State.REBUILDING || state == State.INDEXING || state == State.SWAPPING;
    }
}
