package org.bothy.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A shelter opened in a transaction of another thread that stays open until {@link #commit()}: its event is stored and
 * its global index taken, but nothing of it is committed, which is how a gap in the event store arises.
 */
final class HeldOpening {

    private final CountDownLatch release;
    private final CompletableFuture<Void> transaction;

    private HeldOpening(CountDownLatch release, CompletableFuture<Void> transaction) {
        this.release = release;
        this.transaction = transaction;
    }

    /** Opens the shelter and returns once its event is stored, its transaction still open. */
    static HeldOpening open(TransactionTemplate transactions, CommandGateway commands, String shelterId, String name,
                            LocalDate on) throws InterruptedException {
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the command joins this transaction, so its event is stored (its index taken) but not committed until told
        CompletableFuture<Void> transaction = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                status -> {
                    commands.sendAndWait(new ShelterApi.OpenShelter(shelterId, name, on));
                    stored.countDown();
                    try {
                        assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }));
        assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();
        return new HeldOpening(release, transaction);
    }

    /** Lets the transaction commit, and waits until it has. */
    void commit() throws Exception {
        release.countDown();
        transaction.get(30, TimeUnit.SECONDS);
    }

    /** The global index the event store gave the shelter's event. */
    static long globalIndexOf(JdbcTemplate jdbc, String shelterId) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ?",
                Long.class, shelterId);
    }
}
