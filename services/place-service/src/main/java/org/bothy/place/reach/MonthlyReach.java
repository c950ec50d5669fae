package org.bothy.place.reach;

/** Distinct people one organisation saw in one month (YYYY-MM). */
public record MonthlyReach(String month, String organisation, long people) {
}
