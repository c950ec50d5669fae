package org.bothy.partner.journey.measure;

import jakarta.validation.Valid;
import java.util.Map;
import org.bothy.partner.journey.IfMatch;
import org.bothy.partner.journey.JourneyChanges;
import org.bothy.partner.journey.Today;
import org.bothy.support.ids.RandomIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Scores the person gives themselves: {@code POST /journeys/{journeyId}/soft-measures}. */
@RestController
public class SoftMeasureEndpoint {

    /** The answer to recording a score: its id. */
    public record RecordedSoftMeasure(String measureId) {
    }

    private final JourneyChanges changes;

    public SoftMeasureEndpoint(JourneyChanges changes) {
        this.changes = changes;
    }

    @PostMapping("/journeys/{journeyId}/soft-measures")
    public ResponseEntity<RecordedSoftMeasure> score(@PathVariable String journeyId,
                                                     @RequestHeader(value = IfMatch.HEADER, required = false)
                                                     String ifMatch,
                                                     @Valid @RequestBody SoftMeasureRequest request) {
        String measureId = RandomIds.next();
        return changes.record(journeyId, new ScoreSoftMeasure(journeyId, measureId, request.dimension(),
                request.score(), Today.orToday(request.scoredOn()), IfMatch.version(ifMatch)),
                new RecordedSoftMeasure(measureId), Map.of("softMeasureDimension", "dimension"));
    }
}
