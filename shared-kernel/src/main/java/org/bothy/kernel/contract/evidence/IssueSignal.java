package org.bothy.kernel.contract.evidence;

import java.time.Instant;
import java.util.List;

/**
 * The current evidence behind one published issue of a partner's issue log: the people and organisations across the
 * place who met a barrier of the issue's themes caused by its system actors, in all and within recent windows, with
 * first and last seen. Published on every change, keyed {@code issue:<organisation>:<issueId>} on the compacted
 * evidence topic. Counts of people come twice: the real count, for rules inside the consortium, and
 * {@code peopleShown} after disclosure control (1-4 shown as "<5"), the only form to pass on outside it. The
 * {@code owner} (team, leadership or government) is who can act on the issue, as the partner's log says.
 */
public record IssueSignal(
        String eventId,
        Instant occurredAt,
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
        int organisations,
        List<IssueWindow> windows,
        Instant firstSeen,
        Instant lastSeen) implements EvidenceEvent {

    public IssueSignal {
        themes = themes == null ? List.of() : List.copyOf(themes);
        systemActors = systemActors == null ? List.of() : List.copyOf(systemActors);
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** The key of an issue's evidence, {@code issue:<organisation>:<issueId>}; also the Kafka key and ce_subject. */
    public static String issueKey(String organisation, String issueId) {
        return "issue:" + organisation + ":" + issueId;
    }

    @Override
    public String subject() {
        return issueKey;
    }
}
