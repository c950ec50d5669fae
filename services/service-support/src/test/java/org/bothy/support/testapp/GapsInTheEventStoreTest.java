package org.bothy.support.testapp;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bothy.support.axon.IndexedGapsEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store's reader on real PostgreSQL: an event committed after a later one (a gap in the global index while
 * its transaction is open) still reaches every streaming processor, and the reader returns what Axon's own would.
 */
class GapsInTheEventStoreTest extends RunningTestService {

    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    ShelterLogs.Pooled pooled;
    @Autowired
    ShelterLogs.Tracking tracking;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    PersistenceExceptionResolver persistenceExceptionResolver;
    @Autowired
    EntityManagerProvider entityManagerProvider;
    @Autowired
    TransactionManager axonTransactions;

    @Test
    void the_service_reads_its_event_store_through_the_indexed_reader() {
        assertThat(engine).isInstanceOf(IndexedGapsEventStorageEngine.class);
    }

    @Test
    void an_event_committed_after_a_later_one_still_reaches_pooled_and_tracking_processors() throws Exception {
        String late = UUID.randomUUID().toString();
        String early = UUID.randomUUID().toString();
        HeldOpening held = HeldOpening.open(transactions, commands, late, "Ben Alder", LocalDate.of(2024, 6, 1));

        commands.sendAndWait(new ShelterApi.OpenShelter(early, "Shenavall", LocalDate.of(2024, 6, 2)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pooled.opened.contains(early) && tracking.opened.contains(early));
        assertThat(pooled.opened).doesNotContain(late);
        assertThat(tracking.opened).doesNotContain(late);

        held.commit();

        assertThat(HeldOpening.globalIndexOf(jdbc, late))
                .as("the late event's index lies below the one already delivered")
                .isLessThan(HeldOpening.globalIndexOf(jdbc, early));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pooled.opened.contains(late) && tracking.opened.contains(late));
    }

    @Test
    void the_reader_returns_exactly_what_axons_own_query_returns_for_tokens_with_and_without_gaps() {
        for (int i = 0; i < 30; i++) {
            commands.sendAndWait(new ShelterApi.OpenShelter(UUID.randomUUID().toString(), "Shelter " + i,
                    LocalDate.of(2024, 7, 1)));
        }
        List<Long> indexes = jdbc.queryForList("select global_index from domain_event_entry order by global_index",
                Long.class);
        long first = indexes.get(0);
        long last = indexes.get(indexes.size() - 1);
        JpaEventStorageEngine axons = configure(JpaEventStorageEngine.builder());
        JpaEventStorageEngine ours = configure(IndexedGapsEventStorageEngine.builder());
        List<GapAwareTrackingToken> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add(GapAwareTrackingToken.newInstance(first + 3, List.of()));
        // gaps that hold stored events (delivered again) and gaps past nothing (a rolled-back index), near and far
        tokens.add(GapAwareTrackingToken.newInstance(first + 10, List.of(first, first + 2, first + 7)));
        tokens.add(GapAwareTrackingToken.newInstance(last - 5, List.of(first + 1, last - 20, last - 6)));
        tokens.add(GapAwareTrackingToken.newInstance(last, List.of(last - 1, last - 3)));
        tokens.add(GapAwareTrackingToken.newInstance(last + 50, new TreeSet<>(List.of(last - 2, last + 10))));
        tokens.add(GapAwareTrackingToken.newInstance(last - 4,
                indexes.subList(0, Math.min(indexes.size() - 5, 150)).stream().collect(Collectors.toList())));

        for (GapAwareTrackingToken token : tokens) {
            assertThat(read(ours, token)).as("from %s", token).isEqualTo(read(axons, token));
        }
        // the gaps' events come first, each closing its gap, then those after the token's index
        List<GapAwareTrackingToken> afterGaps = tokens(ours, tokens.get(2));
        assertThat(afterGaps.subList(0, 4)).extracting(GapAwareTrackingToken::getIndex)
                .containsExactly(first + 10, first + 10, first + 10, first + 11);
        assertThat(afterGaps.subList(0, 3)).extracting(token -> List.copyOf(token.getGaps()))
                .containsExactly(List.of(first + 2, first + 7), List.of(first + 7), List.of());
    }

    @Test
    void one_fetch_is_the_first_batch_the_stream_would_return_and_says_whether_the_store_held_more() {
        for (int i = 0; i < 30; i++) {
            commands.sendAndWait(new ShelterApi.OpenShelter(UUID.randomUUID().toString(), "Bothy " + i,
                    LocalDate.of(2024, 8, 1)));
        }
        List<Long> indexes = jdbc.queryForList("select global_index from domain_event_entry order by global_index",
                Long.class);
        IndexedGapsEventStorageEngine ours = (IndexedGapsEventStorageEngine) configure(
                IndexedGapsEventStorageEngine.builder());
        GapAwareTrackingToken twentyFromTheEnd = GapAwareTrackingToken.newInstance(
                indexes.get(indexes.size() - 21), List.of(indexes.get(indexes.size() - 25)));
        GapAwareTrackingToken threeFromTheEnd = GapAwareTrackingToken.newInstance(
                indexes.get(indexes.size() - 4), List.of());

        IndexedGapsEventStorageEngine.Fetch full = ours.readOneFetch(twentyFromTheEnd);
        IndexedGapsEventStorageEngine.Fetch last = ours.readOneFetch(threeFromTheEnd);

        assertThat(full.events()).extracting(this::described).containsExactlyElementsOf(
                read(ours, twentyFromTheEnd).subList(0, 7));
        assertThat(full.reachedEnd()).as("a whole batch of 7: there may be more").isFalse();
        assertThat(last.events()).extracting(this::described).containsExactlyElementsOf(
                read(ours, threeFromTheEnd));
        assertThat(last.events()).hasSize(3);
        assertThat(last.reachedEnd()).isTrue();
    }

    private List<GapAwareTrackingToken> tokens(JpaEventStorageEngine engine, GapAwareTrackingToken from) {
        try (var events = engine.readEvents(from, false)) {
            return events.limit(4).map(event -> (GapAwareTrackingToken) event.trackingToken())
                    .collect(Collectors.toList());
        }
    }

    private List<String> read(JpaEventStorageEngine engine, GapAwareTrackingToken token) {
        try (var events = engine.readEvents(token, false)) {
            return events.limit(250).map(this::described).collect(Collectors.toList());
        }
    }

    private String described(TrackedEventMessage<?> event) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) event.trackingToken();
        return token.getIndex() + " " + event.getIdentifier() + " " + token.getGaps();
    }

    private JpaEventStorageEngine configure(JpaEventStorageEngine.Builder builder) {
        return builder.snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(axonTransactions)
                // small batches, so that a read crosses several fetches with the token's gaps carried between them
                .batchSize(7)
                .build();
    }
}
