package org.bothy.support.axon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * A streaming processor's view of the event store that reads the storage engine itself, and reads it again only once
 * {@link EventCommits} says something was committed since it last read all there was; it tells the processor so through
 * the availability callback, which lets a pooled processor sleep until then instead of polling every 500 ms.
 *
 * <p>Why not Axon's own stream: {@code EmbeddedEventStore}'s consumers see an event only once its producer thread has
 * fetched it, which it starts doing in the unit of work's after-commit phase, before an outer transaction the unit
 * of work joined has committed, and otherwise after a fetch delay; a callback from there could wake a processor to
 * find nothing. Here the signal follows the database commit, and the read follows the signal.
 *
 * <p>Gaps (an index taken by a transaction still open when a later one committed) are the engine's: each event's
 * token carries them, the next read asks for them again, and the gap's own commit signals like any other.
 */
final class CommittedEventStream implements TrackingEventStream {

    /** The most events one read takes from an engine other than the indexed one (which reads one fetch). */
    private static final int OTHER_ENGINES_READ = 100;

    private final EventStorageEngine engine;
    private final EventCommits commits;
    private final Deque<TrackedEventMessage<?>> read = new ArrayDeque<>();
    private final Registration listening;
    private TrackingToken position;
    private long readEverythingAt = -1;
    private volatile Runnable onAvailable = () -> { };

    CommittedEventStream(EventStorageEngine engine, EventCommits commits, TrackingToken from) {
        this.engine = engine;
        this.commits = commits;
        this.position = from;
        this.listening = commits.listen(() -> onAvailable.run());
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return hasNextAvailable() ? Optional.of(read.peekFirst()) : Optional.empty();
    }

    @Override
    public boolean hasNextAvailable() {
        if (!read.isEmpty()) {
            return true;
        }
        // read before the store: a commit that lands while reading moves it, so the next call reads again
        long seen = commits.count();
        if (seen == readEverythingAt) {
            return false;
        }
        if (readFromStore()) {
            // nothing more was stored when the read ran, after the count was taken
            readEverythingAt = seen;
        }
        return !read.isEmpty();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long seen = commits.count();
            if (hasNextAvailable()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            commits.awaitAfter(seen, left);
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
            // woken without an event to read: wait again
        }
        return read.pollFirst();
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.onAvailable = callback;
        return true;
    }

    @Override
    public void close() {
        listening.cancel();
        onAvailable = () -> { };
        read.clear();
    }

    /** Reads what follows the position; true if that was all there was when the read ran. */
    private boolean readFromStore() {
        boolean reachedEnd;
        if (engine instanceof IndexedGapsEventStorageEngine indexed) {
            IndexedGapsEventStorageEngine.Fetch fetch = indexed.readOneFetch(position);
            read.addAll(fetch.events());
            reachedEnd = fetch.reachedEnd();
        } else {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(position, false)) {
                events.limit(OTHER_ENGINES_READ).forEachOrdered(read::addLast);
            }
            // Axon's stream ends only once a fetch finds nothing
            reachedEnd = read.size() < OTHER_ENGINES_READ;
        }
        if (!read.isEmpty()) {
            position = read.peekLast().trackingToken();
        }
        return reachedEnd;
    }
}
