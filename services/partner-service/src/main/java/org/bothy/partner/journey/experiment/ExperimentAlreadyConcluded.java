package org.bothy.partner.journey.experiment;

/** Refusal: an experiment is concluded once; its learning is not rewritten afterwards. */
public class ExperimentAlreadyConcluded extends RuntimeException {

    public ExperimentAlreadyConcluded(String experimentId) {
        super("experiment " + experimentId + " is already concluded");
    }
}
