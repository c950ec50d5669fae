package org.bothy.partner.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Holds a batch's Kafka sends until Kafka has acknowledged every one of them. The processor stores its token in the
 * same unit of work; waiting in its prepare-commit phase, and throwing there, keeps the token from advancing past
 * anything Kafka has not acknowledged, while the sends of one batch still travel together.
 */
final class KafkaAcknowledgements {

    private static final String PENDING = KafkaAcknowledgements.class.getName() + ".pending";

    private KafkaAcknowledgements() {
    }

    /**
     * Makes the current unit of work wait for {@code acknowledgement} before it commits; {@code onAcknowledged} runs
     * once it has. Outside a unit of work it waits at once.
     */
    static void awaitBeforeCommit(CompletableFuture<?> acknowledgement, Duration timeout, Runnable onAcknowledged) {
        if (!CurrentUnitOfWork.isStarted()) {
            await(List.of(new Pending(acknowledgement, onAcknowledged)), timeout);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<Pending> pending = batch.getOrComputeResource(PENDING, key -> {
            List<Pending> created = new ArrayList<>();
            batch.onPrepareCommit(unit -> await(created, timeout));
            return created;
        });
        pending.add(new Pending(acknowledgement, onAcknowledged));
    }

    private static void await(List<Pending> pending, Duration timeout) {
        CompletableFuture<?>[] all = pending.stream().map(Pending::acknowledgement).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishingFailed("interrupted while waiting for Kafka to acknowledge", e);
        } catch (ExecutionException e) {
            throw new PublishingFailed("Kafka refused a learning event: " + rootMessage(e), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishingFailed("Kafka did not acknowledge " + all.length + " learning event(s) within "
                    + timeout, e);
        }
        pending.forEach(each -> each.onAcknowledged().run());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Pending(CompletableFuture<?> acknowledgement, Runnable onAcknowledged) {
    }
}
