package org.bothy.place.cost;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.place.query.ViewFilters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The cost of support across the place, for place leads. */
@RestController
@PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
public class CostController {

    private final CostFigures figures;

    public CostController(CostFigures figures) {
        this.figures = figures;
    }

    /** Per organisation (and {@code all}), per journey and per person: totals and the spread. */
    @GetMapping(value = "/cost", produces = {"application/json", "text/csv"})
    @Operation(summary = "Cost of support per journey and per person: contacts, minutes, spend (pence) and percentiles, by organisation and for all")
    public List<CostOfSupport> cost(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String organisation,
                                    @RequestParam(required = false) String theme,
                                    @RequestParam(required = false) String systemActor) {
        return figures.costOfSupport(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }

    /** Contacts by kind per organisation. */
    @GetMapping(value = "/cost/contacts-by-kind", produces = {"application/json", "text/csv"})
    @Operation(summary = "Contacts, minutes and spend by kind of contact (visit, call, message, meeting), per organisation")
    public List<ContactsByKind> byKind(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String organisation,
                                       @RequestParam(required = false) String theme,
                                       @RequestParam(required = false) String systemActor) {
        return figures.byKind(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }
}
