package org.bothy.kernel.contract.evidence;

/** People and organisations seen for a pattern within the last {@code days} days, after disclosure control. */
public record WindowCount(int days, DisclosedCount people, DisclosedCount organisations) {
}
