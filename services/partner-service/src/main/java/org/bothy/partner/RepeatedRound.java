package org.bothy.partner;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A round of work repeated on a fixed delay on a thread of its own, and stopped at once: the round in flight is
 * interrupted, not waited for. It is for rounds whose progress is in the database (an outbox row deleted once Kafka
 * has acknowledged it, a consent noted as expired), so a round cut short is done again after the next start. Spring's
 * scheduler, which ran them before, waits on stop for the round in flight, and a round waiting for a database or a
 * broker that has gone waits out their timeouts (30 s for a connection, 15 s for each acknowledgement).
 */
public final class RepeatedRound implements SmartLifecycle {

    /** Long enough for an interrupted round to roll back and its thread to end. */
    static final Duration GRACE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RepeatedRound.class);

    private final String name;
    private final Duration firstAfter;
    private final Duration delay;
    private final Runnable round;
    private volatile ScheduledExecutorService thread;

    /** Runs {@code round} on a thread named {@code name}, first after {@code firstAfter}, then {@code delay} after each. */
    public RepeatedRound(String name, Duration firstAfter, Duration delay, Runnable round) {
        this.name = name;
        this.firstAfter = firstAfter;
        this.delay = delay;
        this.round = round;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, name));
        thread.scheduleWithFixedDelay(this::safely, firstAfter.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safely() {
        try {
            round.run();
        } catch (RuntimeException e) {
            // thrown out of here it would end the schedule; kinds only, as a round's failure can quote what it handled
            if (Thread.currentThread().isInterrupted()) {
                log.info("{}: round cut short by the stop; the next start does it again", name);
            } else {
                log.warn("{}: round failed, the next one retries: {}", name, describe(e));
            }
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService current = thread;
        if (current == null) {
            return;
        }
        thread = null;
        current.shutdownNow();
        try {
            if (!current.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}", name, GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private static String describe(Throwable failed) {
        Throwable root = failed;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failed ? failed.getClass().getSimpleName()
                : failed.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
    }
}
