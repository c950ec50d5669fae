package org.bothy.escalation.feeds;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Stops a feed's threads without waiting out the round in flight. Every round keeps its progress in the database, in
 * the transaction of what it sent (the Kafka feed's position, a webhook attempt), so a round cut short is done again
 * after the next start and nothing is lost; waiting for it could last as long as the broker or the database takes to
 * fail a call (30 s and more when either is gone), which held up every shutdown.
 */
public final class PromptStop {

    /** Long enough for an interrupted round to roll back and its thread to end. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    private PromptStop() {
    }

    /** Interrupts what {@code executor} runs, refuses new work, and waits at most {@link #GRACE} for its threads to end. */
    public static void now(ExecutorService executor, String name, Logger log) {
        executor.shutdownNow();
        awaitGrace(executor, name, log);
    }

    /**
     * Refuses new work and lets what {@code executor} runs finish for at most {@code finishing}, then interrupts it: for
     * work that, cut short, would leave its rows claimed until the claim lapses.
     */
    public static void after(Duration finishing, ExecutorService executor, String name, Logger log) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(finishing.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        now(executor, name, log);
    }

    private static void awaitGrace(ExecutorService executor, String name, Logger log) {
        try {
            if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}", name, GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
