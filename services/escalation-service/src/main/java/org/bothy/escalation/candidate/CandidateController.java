package org.bothy.escalation.candidate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Place leads list open candidates and accept or dismiss them (access is set in {@code EscalationAccessRules}). */
@RestController
public class CandidateController {

    private final CandidateStore candidates;
    private final CandidateDecisions decisions;

    public CandidateController(CandidateStore candidates, CandidateDecisions decisions) {
        this.candidates = candidates;
        this.decisions = decisions;
    }

    @GetMapping("/candidates")
    public List<Candidate> open() {
        return candidates.open();
    }

    @PostMapping("/candidates/{candidateId}/accept")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> accept(@PathVariable UUID candidateId, @RequestBody(required = false) AcceptCandidate request) {
        return Map.of("escalationId", decisions.accept(candidateId, request).toString());
    }

    @PostMapping("/candidates/{candidateId}/dismiss")
    public Map<String, String> dismiss(@PathVariable UUID candidateId, @RequestBody(required = false) DismissCandidate request) {
        decisions.dismiss(candidateId, request);
        return Map.of("candidateId", candidateId.toString(), "status", Candidate.Status.DISMISSED.name());
    }
}
