package org.bothy.place.barriers;

import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Barriers across the place, by theme and the system actor causing them, counted as people and organisations. */
@RestController
public class BarrierController {

    private final BarrierCounts counts;
    private final Codes codes = Codes.northEdinburgh();

    public BarrierController(BarrierCounts counts) {
        this.counts = counts;
    }

    /** Counts per theme and system actor, most people first; either filter may be left out. */
    @GetMapping("/barriers")
    @PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
    public List<BarrierCount> barriers(@RequestParam(required = false) String theme,
                                       @RequestParam(required = false) String systemActor) {
        List<FieldProblem> problems = new ArrayList<>();
        check("theme", theme, codes::theme, problems);
        check("systemActor", systemActor, codes::systemActor, problems);
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        return counts.byPattern(blankToNull(theme), blankToNull(systemActor));
    }

    private static void check(String field, String value, Consumer<String> lookup, List<FieldProblem> problems) {
        if (blankToNull(value) == null) {
            return;
        }
        try {
            lookup.accept(value);
        } catch (UnknownCodeException unknown) {
            problems.add(new FieldProblem(field, unknown.getMessage()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
