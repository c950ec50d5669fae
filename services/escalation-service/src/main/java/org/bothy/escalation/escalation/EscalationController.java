package org.bothy.escalation.escalation;

import java.util.List;
import java.util.UUID;
import org.bothy.support.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Place leads follow their escalations: status, question, due date, counts and delivery attempts. */
@RestController
public class EscalationController {

    private final EscalationQueries queries;

    public EscalationController(EscalationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/escalations")
    public List<EscalationSummary> all() {
        return queries.all();
    }

    @GetMapping("/escalations/{escalationId}")
    public EscalationSummary one(@PathVariable UUID escalationId) {
        return queries.find(escalationId).orElseThrow(() -> new NotFound("no escalation " + escalationId));
    }
}
