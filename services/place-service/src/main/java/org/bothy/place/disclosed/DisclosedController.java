package org.bothy.place.disclosed;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.place.query.ViewFilters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The disclosure-controlled views: all a statutory body may read of the place's evidence. */
@RestController
@PreAuthorize("hasAnyRole('STATUTORY', 'PLACE_LEAD', 'ADMIN')")
public class DisclosedController {

    private final DisclosedViews views;

    public DisclosedController(DisclosedViews views) {
        this.views = views;
    }

    /** Barriers as a theme x system actor table of people, small numbers suppressed. */
    @GetMapping(value = "/disclosed/barriers", produces = {"application/json", "text/csv"})
    @Operation(summary = "Barriers, disclosure-controlled: people per theme x system actor with 'all' totals; "
            + "1 to threshold-1 shown as '<5', '*' hidden so that no total gives a small count away")
    public List<DisclosedBarrierCount> barriers(@RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                @RequestParam(required = false) String organisation,
                                                @RequestParam(required = false) String theme,
                                                @RequestParam(required = false) String systemActor) {
        return views.barriers(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }

    /** Reach as a month x organisation table of people, small numbers suppressed. */
    @GetMapping(value = "/disclosed/reach", produces = {"application/json", "text/csv"})
    @Operation(summary = "Reach, disclosure-controlled: distinct people per month (YYYY-MM) x organisation with 'all' "
            + "totals; small numbers suppressed as on /disclosed/barriers")
    public List<DisclosedReach> reach(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String organisation,
                                      @RequestParam(required = false) String theme,
                                      @RequestParam(required = false) String systemActor) {
        return views.reach(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }
}
