package org.bothy.place.issues;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.place.intake.LearningProjection;
import org.bothy.place.signals.SignalMarker;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The consolidated issue log: keeps the highest revision of each partner's issue (a late, lower revision changes
 * nothing), and marks the issue for a fresh evidence signal.
 */
@Component
public class IssueProjection implements LearningProjection {

    private final JdbcTemplate jdbc;
    private final SignalMarker signals;

    public IssueProjection(JdbcTemplate jdbc, SignalMarker signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        for (ContractEvent event : firstSeen) {
            if (event instanceof IssuePublished issue) {
                int changed = jdbc.update("""
                        insert into issue (organisation, issue_id, revision, description, level, status, owner, countermeasure,
                                           system_change, themes, system_actors, barrier_count, journey_count, published_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (organisation, issue_id) do update set
                            revision = excluded.revision, description = excluded.description, level = excluded.level,
                            status = excluded.status, owner = excluded.owner, countermeasure = excluded.countermeasure,
                            system_change = excluded.system_change, themes = excluded.themes,
                            system_actors = excluded.system_actors, barrier_count = excluded.barrier_count,
                            journey_count = excluded.journey_count, published_at = excluded.published_at
                        where issue.revision < excluded.revision
                        """, issue.organisation(), issue.issueId(), issue.revision(), issue.description(), issue.level(),
                        issue.status(), issue.owner(), issue.countermeasure(), issue.systemChange(),
                        codes(issue.themes()), codes(issue.systemActors()), issue.barrierCount(), issue.journeyCount(),
                        OffsetDateTime.ofInstant(issue.occurredAt(), ZoneOffset.UTC));
                if (changed > 0) {
                    signals.markIssue(issue.organisation(), issue.issueId());
                }
            }
        }
    }

    private static String[] codes(List<String> codes) {
        return codes == null ? new String[0] : codes.toArray(String[]::new);
    }
}
