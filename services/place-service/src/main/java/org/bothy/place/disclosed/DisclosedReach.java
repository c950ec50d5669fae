package org.bothy.place.disclosed;

/**
 * Distinct people one organisation saw in one month (YYYY-MM), as a statutory body may see it (see
 * {@link DisclosedBarrierCount} for the marks); {@code all} is a total of the people counted in its line.
 */
public record DisclosedReach(String month, String organisation, String people) {
}
