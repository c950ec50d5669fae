package org.bothy.escalation.escalation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bothy.support.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Place leads follow their escalations (status, question, due date, counts, delivery attempts, the body's answers
 * and the history), close them with a verdict, and take them to another body.
 */
@RestController
public class EscalationController {

    private final EscalationQueries queries;
    private final PlaceDecisions decisions;

    public EscalationController(EscalationQueries queries, PlaceDecisions decisions) {
        this.queries = queries;
        this.decisions = decisions;
    }

    @GetMapping("/escalations")
    public List<EscalationSummary> all() {
        return queries.all();
    }

    @GetMapping("/escalations/{escalationId}")
    public EscalationSummary one(@PathVariable UUID escalationId) {
        return queries.find(escalationId).orElseThrow(() -> new NotFound("no escalation " + escalationId));
    }

    @PostMapping("/escalations/{escalationId}/close")
    public EscalationSummary close(@PathVariable UUID escalationId,
                                   @RequestBody(required = false) PlaceDecisions.CloseRequest request) {
        return decisions.close(escalationId, request);
    }

    @PostMapping("/escalations/{escalationId}/re-escalate")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> reEscalate(@PathVariable UUID escalationId,
                                          @RequestBody(required = false) PlaceDecisions.ReEscalationRequest request) {
        return Map.of("escalationId", decisions.reEscalate(escalationId, request).toString());
    }
}
