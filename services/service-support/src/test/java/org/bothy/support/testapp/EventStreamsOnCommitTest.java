package org.bothy.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bothy.support.axon.CommitSignallingEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A streaming processor's stream is told of an event as soon as, and only once, a read finds it: after the
 * transaction that stored it has committed (this service runs without the fallback poll, see
 * {@link RunningTestService}, so nothing else tells it).
 */
class EventStreamsOnCommitTest extends RunningTestService {

    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void streaming_processors_read_through_the_commit_signalling_event_store() {
        assertThat(eventStore).isInstanceOf(CommitSignallingEventStore.class);
    }

    @Test
    void a_stream_is_told_of_an_event_once_its_transaction_has_committed_and_then_reads_it() throws Exception {
        String shelter = UUID.randomUUID().toString();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
            // whether a read from elsewhere (another connection, as the processor's) finds the event when told
            List<Boolean> visibleWhenTold = new CopyOnWriteArrayList<>();
            assertThat(stream.setOnAvailableCallback(() -> visibleWhenTold.add(storedAsSeenFromElsewhere(shelter))))
                    .as("the stream takes a callback, so a pooled processor waits for it instead of polling")
                    .isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            HeldOpening held = HeldOpening.open(transactions, commands, shelter, "Corrour", LocalDate.of(2024, 6, 1));
            assertThat(visibleWhenTold).as("stored, but its transaction is open").isEmpty();
            assertThat(stream.hasNextAvailable()).isFalse();

            held.commit();

            // told on the committing thread after the commit, before the one who committed carries on
            assertThat(visibleWhenTold).isNotEmpty().containsOnly(true);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(opened(stream.nextAvailable())).isEqualTo(shelter);
            assertThat(stream.hasNextAvailable()).isFalse();
        }
    }

    @Test
    void an_event_committed_after_a_later_one_is_read_through_the_gap_once_its_own_commit_tells_the_stream()
            throws Exception {
        String late = UUID.randomUUID().toString();
        String early = UUID.randomUUID().toString();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
            List<String> told = new CopyOnWriteArrayList<>();
            stream.setOnAvailableCallback(() -> told.add("told"));
            HeldOpening held = HeldOpening.open(transactions, commands, late, "Ben Alder", LocalDate.of(2024, 6, 1));
            commands.sendAndWait(new ShelterApi.OpenShelter(early, "Shenavall", LocalDate.of(2024, 6, 2)));

            assertThat(told).hasSize(1);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(opened(stream.nextAvailable())).isEqualTo(early);
            assertThat(stream.hasNextAvailable()).as("the late event's transaction is still open").isFalse();

            held.commit();

            assertThat(told).hasSize(2);
            assertThat(HeldOpening.globalIndexOf(jdbc, late))
                    .as("the late event's index lies below the one already read")
                    .isLessThan(HeldOpening.globalIndexOf(jdbc, early));
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(opened(stream.nextAvailable())).isEqualTo(late);
            assertThat(stream.hasNextAvailable()).isFalse();
        }
    }

    private boolean storedAsSeenFromElsewhere(String shelterId) {
        // on a thread of its own, so that the count runs on a connection other than the committing thread's
        return CompletableFuture.supplyAsync(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, shelterId) > 0)
                .join();
    }

    private static String opened(TrackedEventMessage<?> event) {
        return ((ShelterApi.ShelterOpened) event.getPayload()).shelterId();
    }
}
