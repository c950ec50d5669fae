package org.bothy.partner.journey.experiment;

/** Private event: an experiment was started with the person. */
public record ExperimentStarted(String journeyId, String experimentId, String theme, String question, String actions,
                                String dataToCollect, String safeToFail, String countermeasures) {
}
