package org.bothy.partner.issue;

/** Refusal: deciding that an issue has been dealt with is a lead's call, not a worker's. */
public class OnlyALeadMayClose extends RuntimeException {

    public OnlyALeadMayClose(String issueId) {
        super("only a lead may close issue " + issueId);
    }
}
