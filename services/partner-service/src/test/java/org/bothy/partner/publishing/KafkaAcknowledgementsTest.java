package org.bothy.partner.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A batch of the publisher commits (and so moves its token) only once Kafka has acknowledged every send in it; a
 * refusal or silence fails the commit so that the processor retries from the stored token.
 */
class KafkaAcknowledgementsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger tokenStored = new AtomicInteger();

    @Test
    void theBatchCommitsAfterEveryAcknowledgement() {
        List<CompletableFuture<String>> sends = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        AtomicInteger handled = new AtomicInteger();
        UnitOfWork<?> batch = batchOfTwo();

        // the batch runs the handler once per event, each sending one record
        batch.execute(() -> {
            CompletableFuture<String> send = sends.get(handled.getAndIncrement());
            KafkaAcknowledgements.awaitBeforeCommit(send, TIMEOUT, acknowledged::incrementAndGet);
            if (handled.get() == 2) {
                // Kafka answers while the batch is still in flight; the first was not yet acknowledged
                assertThat(acknowledged).hasValue(0);
                sends.forEach(each -> each.complete("ok"));
            }
        });

        assertThat(acknowledged).hasValue(2);
        assertThat(tokenStored).hasValue(1);
        assertThat(batch.isRolledBack()).isFalse();
    }

    @Test
    void aRefusedSendRollsTheBatchBack() {
        UnitOfWork<?> batch = batchOfTwo();

        List<CompletableFuture<String>> sends = List.of(CompletableFuture.completedFuture("ok"),
                CompletableFuture.failedFuture(new NotEnoughReplicasException("only 0 in sync")));
        AtomicInteger handled = new AtomicInteger();

        assertThatThrownBy(() -> batch.execute(() -> KafkaAcknowledgements.awaitBeforeCommit(
                sends.get(handled.getAndIncrement()), TIMEOUT, acknowledged::incrementAndGet)))
                .isInstanceOf(PublishingFailed.class).hasMessageContaining("only 0 in sync");

        assertThat(batch.isRolledBack()).isTrue();
        assertThat(tokenStored).hasValue(0);
        assertThat(acknowledged).hasValue(0);
    }

    @Test
    void silenceFromKafkaRollsTheBatchBackAfterTheTimeout() {
        UnitOfWork<?> batch = batchOfTwo();

        assertThatThrownBy(() -> batch.execute(() -> KafkaAcknowledgements.awaitBeforeCommit(
                new CompletableFuture<>(), TIMEOUT, acknowledged::incrementAndGet)))
                .isInstanceOf(PublishingFailed.class)
                .hasMessageContaining("did not acknowledge");

        assertThat(batch.isRolledBack()).isTrue();
        assertThat(tokenStored).hasValue(0);
    }

    @Test
    void outsideABatchItWaitsAtOnce() {
        assertThatThrownBy(() -> KafkaAcknowledgements.awaitBeforeCommit(
                CompletableFuture.failedFuture(new IllegalStateException("broker gone")), TIMEOUT,
                acknowledged::incrementAndGet))
                .isInstanceOf(PublishingFailed.class);
        KafkaAcknowledgements.awaitBeforeCommit(CompletableFuture.completedFuture("ok"), TIMEOUT,
                acknowledged::incrementAndGet);
        assertThat(acknowledged).hasValue(1);
    }

    private UnitOfWork<?> batchOfTwo() {
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("one"), GenericEventMessage.asEventMessage("two")));
        // stands where the pooled processor stores its token: registered first, so it runs before the wait,
        // inside the same transaction that a failed wait rolls back
        batch.onPrepareCommit(unit -> tokenStored.incrementAndGet());
        batch.onRollback(unit -> tokenStored.set(0));
        return batch;
    }
}
