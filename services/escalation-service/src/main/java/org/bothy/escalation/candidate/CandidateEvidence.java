package org.bothy.escalation.candidate;

import java.time.Instant;
import java.util.List;

/**
 * The evidence behind a candidate, as a place lead sees it: the counts (real, and as they would be shown outside
 * the consortium after disclosure control), the trend of successive signals, and the issue-log entries behind it.
 */
public record CandidateEvidence(
        int people,
        String peopleShown,
        int organisations,
        List<TrendPoint> trend,
        List<LinkedIssue> issues) {

    public CandidateEvidence {
        trend = List.copyOf(trend);
        issues = List.copyOf(issues);
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
