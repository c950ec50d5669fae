package org.bothy.escalation.candidate;

import java.time.Instant;
import java.util.List;
import org.bothy.kernel.contract.evidence.SharedLearning;

/**
 * The evidence behind a candidate, as a place lead sees it: the counts (people: the fewest the place's signals let us
 * be sure of; peopleShown: after disclosure control, as they may be shown outside the consortium), the trend of
 * successive signals, the issue-log entries behind it, and the pattern's recent shared learning (what partners wrote
 * for sharing when they concluded experiments in journeys that met it, newest first).
 */
public record CandidateEvidence(
        int people,
        String peopleShown,
        int organisations,
        List<TrendPoint> trend,
        List<LinkedIssue> issues,
        List<SharedLearning> learning) {

    public CandidateEvidence {
        trend = List.copyOf(trend);
        issues = List.copyOf(issues);
        learning = List.copyOf(learning);
    }

    /** The counts of one signal, in the order the signals were counted. */
    public record TrendPoint(Instant at, int people, String peopleShown, int organisations) {
    }

    /** A published issue whose themes and system actors cover the pattern, at its latest recorded revision. */
    public record LinkedIssue(
            String issueKey,
            String organisation,
            String issueId,
            int revision,
            int level,
            String status,
            String owner,
            List<String> themes,
            List<String> systemActors,
            int people,
            String peopleShown,
            int organisations) {

        public LinkedIssue {
            themes = List.copyOf(themes);
            systemActors = List.copyOf(systemActors);
        }
    }
}
