package org.bothy.kernel.codes;

/** Who owns an issue in the issue log: team, leadership or government. */
public record Owner(String code, String label, String description) {
}
