package org.bothy.kernel.contract.evidence;

/** Distinct people and organisations seen for a pattern within the last {@code days} days. */
public record WindowCount(int days, int people, int organisations) {
}
