package org.bothy.kernel.contract.evidence;

/** The people and organisations behind an issue within the last {@code days} days, after disclosure control. */
public record IssueWindow(int days, DisclosedCount people, DisclosedCount organisations) {
}
