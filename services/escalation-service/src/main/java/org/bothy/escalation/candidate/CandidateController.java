package org.bothy.escalation.candidate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bothy.support.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Place leads list open candidates with the evidence behind them, and accept or dismiss them (access is set in {@code EscalationAccessRules}). */
@RestController
public class CandidateController {

    private final CandidateStore candidates;
    private final CandidateDecisions decisions;
    private final EvidenceBehind evidence;

    public CandidateController(CandidateStore candidates, CandidateDecisions decisions, EvidenceBehind evidence) {
        this.candidates = candidates;
        this.decisions = decisions;
        this.evidence = evidence;
    }

    @GetMapping("/candidates")
    @Transactional(readOnly = true)
    public List<CandidateView> open() {
        return candidates.open().stream().map(candidate -> CandidateView.of(candidate, evidence.of(candidate))).toList();
    }

    @GetMapping("/candidates/{candidateId}")
    @Transactional(readOnly = true)
    public CandidateView one(@PathVariable UUID candidateId) {
        Candidate candidate = candidates.find(candidateId).orElseThrow(() -> new NotFound("no candidate " + candidateId));
        return CandidateView.of(candidate, evidence.of(candidate));
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
