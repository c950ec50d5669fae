package org.bothy.partner.journey;

/** The name a recorded fact goes by in timelines and conflicts: its event's simple name, e.g. {@code ActorAdded}. */
public final class FactTypes {

    private FactTypes() {
    }

    /** The fact type of an event class. */
    public static String of(Class<?> eventType) {
        return eventType.getSimpleName();
    }
}
