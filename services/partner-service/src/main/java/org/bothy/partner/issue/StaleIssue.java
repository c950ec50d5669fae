package org.bothy.partner.issue;

/** Refusal: the caller changed an issue as it stood at an older version than it stands now. */
public class StaleIssue extends RuntimeException {

    private final String issueId;
    private final long expectedVersion;

    public StaleIssue(String issueId, long expectedVersion) {
        super("issue " + issueId + " has changed since version " + expectedVersion);
        this.issueId = issueId;
        this.expectedVersion = expectedVersion;
    }

    /** The issue that moved on. */
    public String issueId() {
        return issueId;
    }

    /** The version the caller held. */
    public long expectedVersion() {
        return expectedVersion;
    }
}
