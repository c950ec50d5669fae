package org.bothy.partner.journey.experiment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the experiment requests; everything but the learning summary is private. */
public final class ExperimentRequests {

    private ExperimentRequests() {
    }

    /** "What happens if we try this?": the question, the actions, the data, safe-to-fail and countermeasures. */
    public record StartRequest(@Size(max = 100) String theme,
                               @NotBlank @Size(max = 2000) String question,
                               @NotBlank @Size(max = 4000) String actions,
                               @NotBlank @Size(max = 2000) String dataToCollect,
                               @NotBlank @Size(max = 2000) String safeToFail,
                               @Size(max = 2000) String countermeasures) {
        @Override
        public String toString() {
            return "StartRequest[theme=" + theme + "]";
        }
    }

    /**
     * What came of it: the outcome and learning (private), and a learning summary written for sharing with the
     * consortium, without anything that could say who the person is.
     */
    public record ConclusionRequest(@NotBlank @Size(max = 4000) String outcome,
                                    @NotBlank @Size(max = 4000) String learning,
                                    @NotBlank @Size(max = 1000) String learningSummary) {
        @Override
        public String toString() {
            return "ConclusionRequest[hidden]";
        }
    }

    /** The answer to starting an experiment: its id. */
    public record StartedExperiment(String experimentId) {
    }
}
