package org.bothy.partner.issue;

/** Private event: a lead closed an issue. */
public record IssueClosed(String issueId) {
}
