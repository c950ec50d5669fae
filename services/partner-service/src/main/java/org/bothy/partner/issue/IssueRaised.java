package org.bothy.partner.issue;

/** Private event: an issue was raised, open, with this content. */
public record IssueRaised(String issueId, IssueContent content) {
}
