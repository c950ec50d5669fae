package org.bothy.kernel.codes;

/** Where an issue in the issue log stands: open or closed. */
public record IssueStatus(String code, String label, String description) {
}
