package org.bothy.kernel.contract.evidence;

/** The people (real and after disclosure control) and organisations behind an issue within the last {@code days} days. */
public record IssueWindow(int days, int people, String peopleShown, int organisations) {
}
