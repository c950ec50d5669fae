package org.bothy.partner.issue;

/** Private event: a closed issue was opened again. */
public record IssueReopened(String issueId) {
}
