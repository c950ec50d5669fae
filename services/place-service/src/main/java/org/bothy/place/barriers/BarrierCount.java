package org.bothy.place.barriers;

/** How many distinct people, and in how many distinct organisations, met barriers of one theme caused by one actor. */
public record BarrierCount(String theme, String systemActor, long people, long organisations) {
}
