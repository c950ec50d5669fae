package org.bothy.partner.issue;

/** Refusal: an open issue cannot be reopened. */
public class IssueIsOpen extends RuntimeException {

    public IssueIsOpen(String issueId) {
        super("issue " + issueId + " is already open");
    }
}
