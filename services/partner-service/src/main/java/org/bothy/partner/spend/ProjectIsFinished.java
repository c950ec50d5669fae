package org.bothy.partner.spend;

/** Refusal: a finished project takes no more spend, no new survey and no second finish. */
public class ProjectIsFinished extends RuntimeException {

    public ProjectIsFinished(String projectId) {
        super("project " + projectId + " is finished");
    }
}
