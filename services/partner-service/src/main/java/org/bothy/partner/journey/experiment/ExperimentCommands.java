package org.bothy.partner.journey.experiment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.bothy.partner.journey.JourneyChange;

/** The commands of an experiment with the person: "what happens if we try this?", then what was learnt. */
public final class ExperimentCommands {

    private ExperimentCommands() {
    }

    /**
     * Starts an experiment: the question, what will be done, what data to collect, why it is safe to fail, the
     * countermeasures if it goes wrong, and optionally the theme (a code) it concerns.
     */
    public record StartExperiment(@TargetAggregateIdentifier String journeyId, String experimentId, String theme,
                                  String question,
                                  String actions, String dataToCollect, String safeToFail, String countermeasures,
                                  @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }

    /**
     * Concludes an experiment with its outcome and learning (private) and a learning summary written for sharing,
     * the only text of a journey that crosses to the consortium.
     */
    public record ConcludeExperiment(@TargetAggregateIdentifier String journeyId, String experimentId,
                                     String outcome, String learning, String learningSummary,
                                     @TargetAggregateVersion Long expectedVersion) implements JourneyChange {
    }
}
