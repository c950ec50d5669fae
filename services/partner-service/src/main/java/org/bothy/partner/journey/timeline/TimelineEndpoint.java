package org.bothy.partner.journey.timeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bothy.partner.journey.JourneyRefusals;
import org.bothy.partner.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A journey's timeline, every recorded fact in order and paged: {@code GET /journeys/{journeyId}/timeline}. */
@RestController
public class TimelineEndpoint {

    private final JourneyTimeline timeline;
    private final JourneyRefusals refusals;

    public TimelineEndpoint(JourneyTimeline timeline, JourneyRefusals refusals) {
        this.timeline = timeline;
        this.refusals = refusals;
    }

    @GetMapping("/journeys/{journeyId}/timeline")
    public Page<TimelineEntry> timeline(@PathVariable String journeyId,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return timeline.page(journeyId, page, size).orElseThrow(() -> refusals.noSuchJourney(journeyId));
    }
}
