package org.bothy.partner.journey;

/** A command that changes a journey, carrying the version the worker last saw (null: whatever is current). */
public interface JourneyChange {

    /** The journey version the change was decided on, from {@code If-Match}; null when not given. */
    Long expectedVersion();
}
