package org.bothy.place.barriers;

/** Distinct people one organisation saw meet barriers of one theme caused by one system actor in one month (YYYY-MM). */
public record MonthlyBarrierCount(String month, String organisation, String theme, String systemActor, long people) {
}
