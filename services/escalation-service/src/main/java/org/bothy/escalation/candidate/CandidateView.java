package org.bothy.escalation.candidate;

/** A candidate with the evidence behind it: what {@code GET /candidates} and {@code GET /candidates/{id}} return. */
public record CandidateView(
        java.util.UUID candidateId,
        Candidate.Source source,
        String patternKey,
        String theme,
        String systemActor,
        String body,
        int people,
        String peopleShown,
        int organisations,
        Candidate.Status status,
        java.time.Instant proposedAt,
        java.time.Instant updatedAt,
        CandidateEvidence evidence) {

    static CandidateView of(Candidate candidate, CandidateEvidence evidence) {
        return new CandidateView(candidate.candidateId(), candidate.source(), candidate.patternKey(), candidate.theme(),
                candidate.systemActor(), candidate.body(), candidate.people(), evidence.peopleShown(), candidate.organisations(),
                candidate.status(), candidate.proposedAt(), candidate.updatedAt(), evidence);
    }
}
