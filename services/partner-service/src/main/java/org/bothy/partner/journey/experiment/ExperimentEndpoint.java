package org.bothy.partner.journey.experiment;

import jakarta.validation.Valid;
import java.util.Map;
import org.bothy.partner.journey.IfMatch;
import org.bothy.partner.journey.JourneyChanges;
import org.bothy.partner.journey.experiment.ExperimentCommands.ConcludeExperiment;
import org.bothy.partner.journey.experiment.ExperimentCommands.StartExperiment;
import org.bothy.partner.journey.experiment.ExperimentRequests.ConclusionRequest;
import org.bothy.partner.journey.experiment.ExperimentRequests.StartRequest;
import org.bothy.partner.journey.experiment.ExperimentRequests.StartedExperiment;
import org.bothy.support.ids.RandomIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Experiments with the person over HTTP: start one, then conclude it with what was learnt. */
@RestController
@RequestMapping("/journeys/{journeyId}/experiments")
public class ExperimentEndpoint {

    private final JourneyChanges changes;

    public ExperimentEndpoint(JourneyChanges changes) {
        this.changes = changes;
    }

    @PostMapping
    public ResponseEntity<StartedExperiment> start(@PathVariable String journeyId,
                                                   @RequestHeader(value = IfMatch.HEADER, required = false)
                                                   String ifMatch,
                                                   @Valid @RequestBody StartRequest request) {
        String experimentId = RandomIds.next();
        return changes.record(journeyId, new StartExperiment(journeyId, experimentId, request.theme(),
                request.question(), request.actions(), request.dataToCollect(), request.safeToFail(),
                request.countermeasures(), IfMatch.version(ifMatch)), new StartedExperiment(experimentId),
                Map.of("theme", "theme"));
    }

    @PostMapping("/{experimentId}/conclusion")
    public ResponseEntity<Void> conclude(@PathVariable String journeyId, @PathVariable String experimentId,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                         @Valid @RequestBody ConclusionRequest request) {
        return changes.change(journeyId, new ConcludeExperiment(journeyId, experimentId, request.outcome(),
                request.learning(), request.learningSummary(), IfMatch.version(ifMatch)));
    }
}
