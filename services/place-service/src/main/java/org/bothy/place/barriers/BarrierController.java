package org.bothy.place.barriers;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.place.query.ViewFilters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Barriers across the place, by theme and the system actor causing them, counted as people and organisations. */
@RestController
public class BarrierController {

    private final BarrierCounts counts;

    public BarrierController(BarrierCounts counts) {
        this.counts = counts;
    }

    /** Counts per theme and system actor, most people first; every filter may be left out. */
    @GetMapping(value = "/barriers", produces = {"application/json", "text/csv"})
    @PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
    @Operation(summary = "Barriers by theme and system actor: distinct people and organisations")
    public List<BarrierCount> barriers(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String organisation,
                                       @RequestParam(required = false) String theme,
                                       @RequestParam(required = false) String systemActor) {
        return counts.byPattern(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }

    /** Distinct people per month, organisation, theme and system actor. */
    @GetMapping(value = "/barriers/monthly", produces = {"application/json", "text/csv"})
    @PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
    @Operation(summary = "Barriers per month (YYYY-MM), organisation, theme and system actor: distinct people")
    public List<MonthlyBarrierCount> monthly(@RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String organisation,
                                             @RequestParam(required = false) String theme,
                                             @RequestParam(required = false) String systemActor) {
        return counts.byMonth(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }
}
