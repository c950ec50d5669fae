package org.bothy.kernel.contract.evidence;

/** The people and organisations behind an issue within the last {@code days} days, after disclosure control. */
public record IssueWindow(int days, DisclosedCount people, DisclosedCount organisations) {

    /** The v1 shape: the real counts, shown in full (nothing hidden, as at a threshold of 1). */
    public IssueWindow(int days, int people, String peopleShown, int organisations) {
        this(days, DisclosedCount.of(people), DisclosedCount.of(organisations));
    }
}
