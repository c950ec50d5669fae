package org.bothy.support.axon;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.Registration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the event store's streams that events may be there to read: once the database transaction that appended
 * them has committed (never before, so a read that follows sees them), and every poll interval for events that
 * another instance of the service appended.
 *
 * <p>A counter says whether anything was committed since a stream last looked: a stream reads the counter before it
 * reads the store, and reads the store again only once the counter has moved.
 */
public final class EventCommits implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventCommits.class);

    private final AtomicLong commits = new AtomicLong();
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();
    private final ScheduledExecutorService poll;

    /** Commits counted from now on, with a poll every {@code pollInterval} (zero or negative: no poll). */
    public EventCommits(Duration pollInterval) {
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            this.poll = null;
            return;
        }
        this.poll = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-commits-poll");
            thread.setDaemon(true);
            return thread;
        });
        long millis = pollInterval.toMillis();
        poll.scheduleWithFixedDelay(this::signal, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Signals once the events appended now are committed: after the Spring transaction they were appended in (an
     * outer one included, when the unit of work joined it), else after the unit of work, else at once.
     */
    public void signalAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // the unit of work's own after-commit phase runs before an outer transaction it joined has committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unit -> signal());
        } else {
            signal();
        }
    }

    /** How many signals so far: a stream that read nothing at one count need not read again until it moves. */
    public long count() {
        return commits.get();
    }

    /** Calls {@code listener} on every signal, on the thread that signals, until the registration is cancelled. */
    public Registration listen(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Waits until the count differs from {@code seen}, or {@code nanos} have passed. */
    public void awaitAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (changed) {
            long left = nanos;
            while (commits.get() == seen && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(changed, left);
                left = deadline - System.nanoTime();
            }
        }
    }

    private void signal() {
        commits.incrementAndGet();
        synchronized (changed) {
            changed.notifyAll();
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // the transaction has committed: a listener's trouble must not reach the one who committed
                LOG.warn("An event stream's listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (poll != null) {
            poll.shutdownNow();
        }
        listeners.clear();
    }
}
