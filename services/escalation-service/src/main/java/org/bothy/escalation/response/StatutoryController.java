package org.bothy.escalation.response;

import java.util.List;
import java.util.UUID;
import org.bothy.escalation.escalation.EscalationSummary;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A statutory body's own escalations and its answers to them, under {@code /statutory/{body}}; only a token of
 * that body passes (see {@code OwnBodyOnly}), so another body's token is refused with 403.
 */
@RestController
public class StatutoryController {

    private final StatutoryResponses responses;

    public StatutoryController(StatutoryResponses responses) {
        this.responses = responses;
    }

    @GetMapping("/statutory/{body}/escalations")
    public List<EscalationSummary> escalations(@PathVariable String body) {
        return responses.escalations(body);
    }

    @GetMapping("/statutory/{body}/escalations/{escalationId}")
    public EscalationSummary escalation(@PathVariable String body, @PathVariable UUID escalationId) {
        return responses.ownEscalation(body, escalationId);
    }

    @PostMapping("/statutory/{body}/escalations/{escalationId}/acknowledge")
    public EscalationSummary acknowledge(@PathVariable String body, @PathVariable UUID escalationId) {
        return responses.acknowledge(body, escalationId);
    }

    @PostMapping("/statutory/{body}/escalations/{escalationId}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    public EscalationSummary respond(@PathVariable String body, @PathVariable UUID escalationId,
                                     @RequestBody(required = false) StatutoryAnswer answer) {
        return responses.respond(body, escalationId, answer);
    }

    @PostMapping("/statutory/{body}/escalations/{escalationId}/changes")
    @ResponseStatus(HttpStatus.CREATED)
    public EscalationSummary reportChange(@PathVariable String body, @PathVariable UUID escalationId,
                                          @RequestBody(required = false) ChangeReport report) {
        return responses.reportChange(body, escalationId, report);
    }
}
