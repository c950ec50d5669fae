package org.bothy.support.axon;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Axon's JPA event store, reading what a tracking processor has not yet seen with statements PostgreSQL answers from
 * the primary key: the events in the token's gaps, then the events after its index, instead of Axon's one
 * {@code globalIndex > :token or globalIndex in (:gaps)}.
 *
 * <p>Why: with that {@code or}, no index condition bounds the scan, so once the reader is behind (a backlog) or the
 * statement's plan is generic, PostgreSQL walks the primary key from the very first event, filtering each, until it
 * has a batch: every fetch costs as much as the whole store (measured in docs/performance.md). Concurrent commands
 * commit out of order, so a busy store nearly always has gaps. Two indexed statements return exactly the rows Axon's
 * statement would (every gap lies below the token's index, so the gaps' events come first in order), and Axon's
 * handling of gaps, their timeout and their cleaning is left as it is.
 *
 * <p>It also reads one fetch at a time for a stream that is told of commits ({@link #readOneFetch}).
 */
public class IndexedGapsEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    /** Built by {@link #builder()}, with every setting of Axon's own builder. */
    protected IndexedGapsEventStorageEngine(JpaEventStorageEngine.Builder builder) {
        super(builder);
    }

    /** A builder of Axon's JPA engine whose {@code build()} makes this engine instead. */
    public static JpaEventStorageEngine.Builder builder() {
        return new JpaEventStorageEngine.Builder() {
            @Override
            public JpaEventStorageEngine build() {
                return new IndexedGapsEventStorageEngine(this);
            }
        };
    }

    /**
     * The events one fetch finds after {@code token}, and whether that was all there was when it ran: Axon's
     * {@code readEvents} stream fetches again until a fetch finds nothing, a second transaction for every read of a
     * processor woken by a commit ({@link CommittedEventStream}).
     */
    public Fetch readOneFetch(TrackingToken token) {
        List<? extends TrackedEventData<?>> fetched = fetchTrackedEvents(token, batchSize());
        List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(fetched.stream(),
                getEventSerializer(), upcasterChain).collect(Collectors.toList());
        // counted before upcasting, which may turn one stored event into none or several
        return new Fetch(events, fetched.size() < batchSize());
    }

    /**
     * What {@link #readOneFetch} found.
     *
     * @param events     the events, upcast and deserialised, in the store's order
     * @param reachedEnd true if the store held nothing more after them when the fetch ran
     */
    public record Fetch(List<TrackedEventMessage<?>> events, boolean reachedEnd) {
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        int batchSize = batchSize();
        List<Object[]> events = new ArrayList<>(batchSize);
        if (token != null && !token.getGaps().isEmpty()) {
            events.addAll(query("WHERE e.globalIndex IN :gaps ORDER BY e.globalIndex ASC")
                    .setParameter("gaps", token.getGaps())
                    .setMaxResults(batchSize)
                    .getResultList());
        }
        if (events.size() < batchSize) {
            events.addAll(query("WHERE e.globalIndex > :token ORDER BY e.globalIndex ASC")
                    .setParameter("token", token == null ? -1L : token.getIndex())
                    .setMaxResults(batchSize - events.size())
                    .getResultList());
        }
        return events;
    }

    private TypedQuery<Object[]> query(String condition) {
        return entityManager().createQuery(COLUMNS + domainEventEntryEntityName() + " e " + condition, Object[].class);
    }
}
