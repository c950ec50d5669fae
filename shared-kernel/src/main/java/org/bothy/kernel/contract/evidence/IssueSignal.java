package org.bothy.kernel.contract.evidence;

import java.time.Instant;
import java.util.List;

/**
 * The current evidence behind one published issue of a partner's issue log: the people and organisations across the
 * place who met a barrier of the issue's themes caused by its system actors, in all and within recent windows, with
 * first and last seen. Published on every change, keyed {@code issue:<organisation>:<issueId>} on the compacted
 * evidence topic. The {@code owner} (team, leadership or government) is who can act on the issue, as the partner's
 * log says.
 *
 * <p>Written as v2, where every count is disclosure-controlled at {@code disclosureThreshold} exactly as in
 * {@link EvidenceSignal} (small counts of people as {@code "<threshold"}, secondary suppression along the chain of
 * windows and total, organisations shown as they are); see there for why no suppressed count can be recovered. v1
 * records carried the real counts of people beside {@code peopleShown}; they are read as counts shown in full at a
 * threshold of 1.
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
        int disclosureThreshold,
        DisclosedCount people,
        DisclosedCount organisations,
        List<IssueWindow> windows,
        Instant firstSeen,
        Instant lastSeen) implements EvidenceEvent {

    public IssueSignal {
        themes = themes == null ? List.of() : List.copyOf(themes);
        systemActors = systemActors == null ? List.of() : List.copyOf(systemActors);
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** The v1 shape: the real counts, read as shown in full at a threshold of 1 ({@code peopleShown} is not kept). */
    public IssueSignal(String eventId, Instant occurredAt, String issueKey, String organisation, String issueId,
                       int revision, int level, String status, String owner, List<String> themes,
                       List<String> systemActors, int people, String peopleShown, int organisations,
                       List<IssueWindow> windows, Instant firstSeen, Instant lastSeen) {
        this(eventId, occurredAt, issueKey, organisation, issueId, revision, level, status, owner, themes, systemActors,
                1, DisclosedCount.of(people), DisclosedCount.of(organisations), windows, firstSeen, lastSeen);
    }

    /** The key of an issue's evidence, {@code issue:<organisation>:<issueId>}; also the Kafka key and ce_subject. */
    public static String issueKey(String organisation, String issueId) {
        return "issue:" + organisation + ":" + issueId;
    }

    @Override
    public String subject() {
        return issueKey;
    }

    /** The fewest organisations a reader can be sure saw the issue's barriers at all. */
    public int organisationsAtLeast() {
        return CountDisclosure.atLeast(organisations, windows.stream().map(IssueWindow::organisations).toList());
    }

    /** The fewest people a reader can be sure are behind the issue at all. */
    public int peopleAtLeast() {
        return CountDisclosure.atLeast(people, windows.stream().map(IssueWindow::people).toList());
    }
}
