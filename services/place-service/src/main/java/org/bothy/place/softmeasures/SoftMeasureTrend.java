package org.bothy.place.softmeasures;

/** How people scored themselves on one dimension in one month (YYYY-MM): the mean score and how many scores. */
public record SoftMeasureTrend(String month, String dimension, double meanScore, long scores, long people) {
}
