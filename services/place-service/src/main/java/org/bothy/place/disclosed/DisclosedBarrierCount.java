package org.bothy.place.disclosed;

/**
 * People who met barriers of one theme caused by one system actor, as a statutory body may see it: a number, the
 * small-number mark (e.g. {@code <5}) or {@code *} when hidden so that a total cannot give a small count away.
 * {@code all} in either column is a total: the sum of the people counted in its line (a person who met two
 * patterns counts in both).
 */
public record DisclosedBarrierCount(String theme, String systemActor, String people) {
}
