package org.bothy.partner.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /audit}: who read or changed whose record, for this organisation's leads only (see AuditAccess). */
@RestController
public class AuditEndpoint {

    private static final int MAX_SIZE = 200;

    private final AuditLog log;

    public AuditEndpoint(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    public AuditLog.Page audit(@RequestParam(required = false) String personId,
                               @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        return log.find(personId, from, to, page, size);
    }
}
