package org.bothy.place.signals;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Notes, in the projection's own transaction, every pattern and every published issue whose evidence just changed,
 * and once that transaction has committed asks the publisher to send fresh signals: a signal never describes rows
 * that might roll back.
 */
@Component
public class SignalMarker implements LearningProjection {

    private final JdbcTemplate jdbc;
    private final SignalPublisher publisher;

    public SignalMarker(JdbcTemplate jdbc, SignalPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** A theme and system actor whose evidence changed. */
    public record Pattern(String theme, String systemActor) {
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        List<Pattern> patterns = new ArrayList<>(firstSeen.stream()
                .filter(BarrierObserved.class::isInstance)
                .map(BarrierObserved.class::cast)
                .map(barrier -> new Pattern(barrier.theme(), barrier.systemActor()))
                .toList());
        // A concluded experiment adds to the shared learning of every pattern its journey met.
        for (ContractEvent event : firstSeen) {
            if (event instanceof ExperimentConcluded experiment) {
                patterns.addAll(jdbc.query("""
                        select distinct theme, system_actor from barrier_observation
                        where organisation = ? and journey_id = ? and (?::text is null or theme = ?::text)
                        """, (rs, row) -> new Pattern(rs.getString(1), rs.getString(2)),
                        experiment.organisation(), experiment.journeyId(), experiment.theme(), experiment.theme()));
            }
        }
        mark(patterns.stream().distinct().toList());
    }

    /**
     * Marks {@code patterns}, and every published issue whose themes and system actors they fall under, as changed,
     * inside the caller's transaction; their signals go once it commits.
     */
    public void mark(Collection<Pattern> patterns) {
        if (patterns.isEmpty()) {
            return;
        }
        List<Pattern> distinct = patterns.stream().distinct().toList();
        // One statement for both: each issue is marked once however many of the patterns it falls under.
        jdbc.update("""
                with changed as (
                    select * from unnest(?::varchar[], ?::varchar[]) as changed (theme, system_actor)
                ),
                patterns as (
                    insert into pending_signal (theme, system_actor, mark)
                    select theme, system_actor, nextval('pending_signal_mark') from changed
                    on conflict (theme, system_actor) do update set mark = excluded.mark
                )
                insert into pending_issue_signal (organisation, issue_id, mark)
                select organisation, issue_id, nextval('pending_signal_mark') from issue
                where exists (select 1 from changed
                              where changed.theme = any(issue.themes) and changed.system_actor = any(issue.system_actors))
                on conflict (organisation, issue_id) do update set mark = excluded.mark
                """,
                distinct.stream().map(Pattern::theme).toArray(String[]::new),
                distinct.stream().map(Pattern::systemActor).toArray(String[]::new));
        wakeAfterCommit();
    }

    /** Marks one published issue as changed, inside the caller's transaction; its signal goes once it commits. */
    public void markIssue(String organisation, String issueId) {
        jdbc.update("""
                insert into pending_issue_signal (organisation, issue_id, mark)
                values (?, ?, nextval('pending_signal_mark'))
                on conflict (organisation, issue_id) do update set mark = excluded.mark
                """, organisation, issueId);
        wakeAfterCommit();
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publisher.wake();
                }
            });
        }
    }
}
