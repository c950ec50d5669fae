package org.bothy.partner.spend;

/** Refusal: the actual LM3 needs the survey of re-spend (R3) before the project can finish. */
public class NoRespendSurvey extends RuntimeException {

    public NoRespendSurvey(String projectId) {
        super("project " + projectId + " has no re-spend survey yet: record one before finishing it");
    }
}
