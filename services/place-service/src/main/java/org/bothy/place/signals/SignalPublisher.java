package org.bothy.place.signals;

import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends an evidence signal for every pattern marked as changed, after its change has committed, and clears the mark
 * only once Kafka has acknowledged. One thread does all sending, woken after each commit and also on a timer, so a
 * signal that failed, or was pending when the service stopped, goes out later.
 */
@Component
public class SignalPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SignalPublisher.class);

    private final JdbcTemplate jdbc;
    private final EvidenceCounts counts;
    private final IssueEvidenceCounts issueCounts;
    private final EvidenceSender sender;
    private final SignalProperties properties;
    private final Clock clock;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public SignalPublisher(JdbcTemplate jdbc, EvidenceCounts counts, IssueEvidenceCounts issueCounts, EvidenceSender sender,
                           SignalProperties properties) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.issueCounts = issueCounts;
        this.sender = sender;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** One pattern waiting for its signal, and the mark that must still be current to clear it. */
    private record Pending(String theme, String systemActor, long mark) {
    }

    /** One published issue waiting for its signal, and the mark that must still be current to clear it. */
    private record PendingIssue(String organisation, String issueId, long mark) {
    }

    /** Asks for pending signals to be sent soon; cheap, and safe to call from any thread. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            running.execute(() -> {
                wakeQueued.set(false);
                publishPending();
            });
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "evidence-signals");
            thread.setDaemon(true);
            return thread;
        });
        created.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long retry = properties.signalRetry().toMillis();
        created.scheduleWithFixedDelay(this::publishPending, 0, retry, TimeUnit.MILLISECONDS);
        executor = created;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                // A send to an unreachable broker can block for minutes; anything unsent stays pending for next time.
                if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                    running.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // Started before, and stopped after, the intake that wakes it.
        return DEFAULT_PHASE - 1;
    }

    private void publishPending() {
        try {
            List<Pending> pending = jdbc.query("select theme, system_actor, mark from pending_signal order by mark",
                    (rs, row) -> new Pending(rs.getString(1), rs.getString(2), rs.getLong(3)));
            for (Pending one : pending) {
                publish(one);
            }
            List<PendingIssue> issues = jdbc.query(
                    "select organisation, issue_id, mark from pending_issue_signal order by mark",
                    (rs, row) -> new PendingIssue(rs.getString(1), rs.getString(2), rs.getLong(3)));
            for (PendingIssue one : issues) {
                publish(one);
            }
        } catch (RuntimeException failed) {
            log.warn("evidence signals not sent, will retry: {}", failed.toString());
        }
    }

    private void publish(PendingIssue pending) {
        issueCounts.signal(pending.organisation(), pending.issueId(), properties.signalWindows(), clock.instant())
                .ifPresent(sender::send);
        jdbc.update("delete from pending_issue_signal where organisation = ? and issue_id = ? and mark = ?",
                pending.organisation(), pending.issueId(), pending.mark());
    }

    private void publish(Pending pending) {
        Instant now = clock.instant();
        Optional<EvidenceSignal> signal = counts.signal(pending.theme(), pending.systemActor(), properties.signalWindows(), now);
        signal.ifPresent(sender::send);
        // Cleared only if no change was marked while we counted and sent; otherwise the next round sends again.
        jdbc.update("delete from pending_signal where theme = ? and system_actor = ? and mark = ?",
                pending.theme(), pending.systemActor(), pending.mark());
    }
}
