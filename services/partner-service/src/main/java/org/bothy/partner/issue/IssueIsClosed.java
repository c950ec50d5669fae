package org.bothy.partner.issue;

/** Refusal: a closed issue cannot be changed or closed again; reopen it first. */
public class IssueIsClosed extends RuntimeException {

    public IssueIsClosed(String issueId) {
        super("issue " + issueId + " is closed; reopen it to change it");
    }
}
