package org.bothy.partner.journey.experiment;

/**
 * Private event: an experiment was concluded. Only {@code learningSummary}, written for sharing, is translated into
 * a contract; the outcome and the learning stay here.
 */
public record ExperimentConcluded(String journeyId, String pseudonym, String experimentId, String theme, String outcome,
                                  String learning, String learningSummary) {
}
