package org.bothy.place.reach;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.place.query.ViewFilters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Reach across the place and the revolving door, for place leads. */
@RestController
@PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
public class ReachController {

    private final ReachCounts counts;

    public ReachController(ReachCounts counts) {
        this.counts = counts;
    }

    /** Distinct people per organisation and month. */
    @GetMapping(value = "/reach", produces = {"application/json", "text/csv"})
    @Operation(summary = "Reach: distinct people per month (YYYY-MM) and organisation; theme/systemActor narrow to people who met such a barrier there")
    public List<MonthlyReach> reach(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String organisation,
                                    @RequestParam(required = false) String theme,
                                    @RequestParam(required = false) String systemActor) {
        return counts.byMonth(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }

    /** Per organisation, its people and how many of them were also seen at another organisation. */
    @GetMapping(value = "/reach/revolving-door", produces = {"application/json", "text/csv"})
    @Operation(summary = "Revolving door per organisation: its people, and those seen at another organisation too")
    public List<RevolvingDoor> revolvingDoor(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String organisation,
                                             @RequestParam(required = false) String theme,
                                             @RequestParam(required = false) String systemActor) {
        return counts.revolvingDoor(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }

    /** How many people were seen at 2, 3, ... organisations. */
    @GetMapping(value = "/reach/doors-per-person", produces = {"application/json", "text/csv"})
    @Operation(summary = "People seen at 2 or more organisations, by number of organisations")
    public List<DoorsPerPerson> doorsPerPerson(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                               @RequestParam(required = false) String organisation,
                                               @RequestParam(required = false) String theme,
                                               @RequestParam(required = false) String systemActor) {
        return counts.doorsPerPerson(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }
}
