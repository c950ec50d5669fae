package org.bothy.localstack.bench;

import java.util.Arrays;

/** Percentiles of a set of durations in milliseconds, printed the way docs/performance.md quotes them. */
record Distribution(long[] sortedMillis) {

    static Distribution ofMillis(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Distribution(sorted);
    }

    static Distribution ofNanos(long[] nanos) {
        return ofMillis(Arrays.stream(nanos).map(n -> Math.round(n / 1e6)).toArray());
    }

    int count() {
        return sortedMillis.length;
    }

    /** The nearest-rank percentile: the smallest value at least {@code p} of the values are no larger than. */
    long percentile(double p) {
        if (sortedMillis.length == 0) {
            return 0;
        }
        return sortedMillis[Math.max(0, (int) Math.ceil(sortedMillis.length * p) - 1)];
    }

    long max() {
        return sortedMillis.length == 0 ? 0 : sortedMillis[sortedMillis.length - 1];
    }

    @Override
    public String toString() {
        if (sortedMillis.length == 0) {
            return "none";
        }
        return String.format("p50 %,d ms, p99 %,d ms, max %,d ms (%,d)", percentile(0.50), percentile(0.99), max(),
                sortedMillis.length);
    }
}
