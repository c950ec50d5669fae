package org.bothy.place.learning;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.place.query.ViewFilters;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** The learning library and learning cycles across scales, for place leads. */
@RestController
@PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
public class LearningController {

    private static final Codes CODES = Codes.northEdinburgh();
    private static final int MAX_LIMIT = 500;

    private final LearningLibrary library;

    public LearningController(LearningLibrary library) {
        this.library = library;
    }

    /** Full-text search of experiments' learning and learning cycles, best match first. */
    @GetMapping(value = "/learning", produces = {"application/json", "text/csv"})
    @Operation(summary = "Learning library: full-text search (q, web-search syntax) of experiments' learning summaries and learning cycles")
    public List<LearningEntry> search(@RequestParam(required = false) String q,
                                      @RequestParam(required = false) String limit,
                                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String organisation,
                                      @RequestParam(required = false) String theme,
                                      @RequestParam(required = false) String systemActor) {
        List<FieldProblem> problems = new ArrayList<>();
        ViewFilters filters = parse(from, to, organisation, theme, systemActor, problems);
        int max = 100;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Integer.parseInt(limit.strip());
                if (max < 1 || max > MAX_LIMIT) {
                    problems.add(new FieldProblem("limit", "must be from 1 to " + MAX_LIMIT));
                }
            } catch (NumberFormatException notANumber) {
                problems.add(new FieldProblem("limit", "not a whole number"));
            }
        }
        if (q != null && q.length() > 500) {
            problems.add(new FieldProblem("q", "at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        return library.search(q, filters, max);
    }

    /** Learning cycles at every scale, person up to place. */
    @GetMapping(value = "/learning-cycles", produces = {"application/json", "text/csv"})
    @Operation(summary = "Learning cycles at their latest revision, by scale (person, team, organisation, consortium, place)")
    public List<LearningCycleView> cycles(@RequestParam(required = false) String scale,
                                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String organisation,
                                          @RequestParam(required = false) String theme,
                                          @RequestParam(required = false) String systemActor) {
        List<FieldProblem> problems = new ArrayList<>();
        ViewFilters filters = parse(from, to, organisation, theme, systemActor, problems);
        String chosen = scale == null || scale.isBlank() ? null : scale.strip();
        if (chosen != null) {
            try {
                CODES.learningCycleScale(chosen);
            } catch (UnknownCodeException unknown) {
                problems.add(new FieldProblem("scale", unknown.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        return library.cycles(filters, chosen);
    }

    /** How learning cycles connect, across scales and organisations. */
    @GetMapping(value = "/learning-cycles/connections", produces = {"application/json", "text/csv"})
    @Operation(summary = "Connections between learning cycles, with the scale at each end")
    public List<CycleConnection> connections(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String organisation,
                                             @RequestParam(required = false) String theme,
                                             @RequestParam(required = false) String systemActor) {
        return library.connections(ViewFilters.parse(from, to, organisation, theme, systemActor));
    }

    private static ViewFilters parse(String from, String to, String organisation, String theme, String systemActor,
                                     List<FieldProblem> problems) {
        try {
            return ViewFilters.parse(from, to, organisation, theme, systemActor);
        } catch (InvalidField invalid) {
            problems.addAll(invalid.problems());
            return ViewFilters.NONE;
        }
    }
}
