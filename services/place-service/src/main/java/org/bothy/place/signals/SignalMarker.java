package org.bothy.place.signals;

import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.place.intake.LearningProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Notes, in the projection's own transaction, every pattern whose evidence just changed, and once that transaction
 * has committed asks the publisher to send fresh signals: a signal never describes rows that might roll back.
 */
@Component
public class SignalMarker implements LearningProjection {

    private final JdbcTemplate jdbc;
    private final SignalPublisher publisher;

    public SignalMarker(JdbcTemplate jdbc, SignalPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public void apply(List<LearningEvent> firstSeen) {
        List<Object[]> patterns = firstSeen.stream()
                .filter(BarrierObserved.class::isInstance)
                .map(BarrierObserved.class::cast)
                .map(barrier -> List.of(barrier.theme(), barrier.systemActor()))
                .distinct()
                .map(pattern -> pattern.toArray())
                .toList();
        if (patterns.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into pending_signal (theme, system_actor, mark)
                values (?, ?, nextval('pending_signal_mark'))
                on conflict (theme, system_actor) do update set mark = excluded.mark
                """, patterns);
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
