package org.bothy.partner.spend;

/** Refusal: a surveyed re-spend amount larger than the local spend recorded cannot be part of an actual LM3. */
public class RespendAboveLocalSpend extends RuntimeException {

    public RespendAboveLocalSpend(String projectId) {
        super("project " + projectId + " has a surveyed re-spend above its recorded local spend: record the "
                + "missing local spend or correct the survey before finishing it");
    }
}
