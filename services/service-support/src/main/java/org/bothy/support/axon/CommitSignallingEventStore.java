package org.bothy.support.axon;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, except that every streaming processor reads through a {@link CommittedEventStream}:
 * each append signals {@link EventCommits} once its transaction has committed, and the streams read the storage
 * engine again when signalled, so a pooled processor wakes for a new event instead of polling for it.
 */
public class CommitSignallingEventStore extends EmbeddedEventStore {

    private final EventCommits commits;

    /** Built by {@link #builder(EventCommits)}, with every setting of Axon's own builder. */
    protected CommitSignallingEventStore(EmbeddedEventStore.Builder builder, EventCommits commits) {
        super(builder);
        this.commits = commits;
    }

    /** A builder of Axon's embedded event store whose {@code build()} makes this store, signalling {@code commits}. */
    public static EmbeddedEventStore.Builder builder(EventCommits commits) {
        return new EmbeddedEventStore.Builder() {
            @Override
            public EmbeddedEventStore build() {
                return new CommitSignallingEventStore(this, commits);
            }
        };
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        commits.signalAfterCommit();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CommittedEventStream(storageEngine(), commits, trackingToken);
    }
}
