package org.bothy.kernel.contract.evidence;

/** People and organisations seen for a pattern within the last {@code days} days, after disclosure control. */
public record WindowCount(int days, DisclosedCount people, DisclosedCount organisations) {

    /** The v1 shape: counts shown in full (nothing hidden, as at a threshold of 1). */
    public WindowCount(int days, int people, int organisations) {
        this(days, DisclosedCount.of(people), DisclosedCount.of(organisations));
    }
}
