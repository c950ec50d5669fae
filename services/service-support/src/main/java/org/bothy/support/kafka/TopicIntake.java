package org.bothy.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A service's intake of Kafka records on a thread of its own, for a service that stores where each partition resumes
 * in its own database with what the records changed: on every assignment it seeks to the stored offsets (or to the
 * beginning of a partition never read), hands each poll to the service's handler, and when anything fails positions
 * the partitions from the stored offsets again and retries after a pause, so nothing is skipped and nothing is
 * applied twice by the loop. What differs between services (topics, consumer, stored offsets, handler) is its
 * {@link IntakeSetup}.
 */
public class TopicIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicIntake.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = CLOSE_TIMEOUT.plusSeconds(10);

    /** Applies one poll's records, storing where to resume in the same transaction; throws, with nothing stored, to read them again. */
    @FunctionalInterface
    public interface PollHandler {

        /**
         * Applies {@code records}; returns the next offset of each partition to report to the consumer group (only so
         * that operators' tools show progress: where to resume is the stored offsets' word), or an empty map for none.
         */
        Map<TopicPartition, Long> apply(ConsumerRecords<String, byte[]> records);
    }

    /** Where each partition resumes, as the service's database has it. */
    @FunctionalInterface
    public interface StoredOffsets {

        /** The next offset to read of each of {@code partitions} that has one stored. */
        Map<TopicPartition, Long> load(Collection<TopicPartition> partitions);
    }

    private final IntakeSetup setup;

    private volatile boolean running;
    // Touched only on the intake thread: the rebalance listener runs inside poll().
    private boolean resumePending;
    private boolean rebalanced;
    private long lastHandlingNanos;
    private long lagReportedAt;
    private volatile int assignedPartitions;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;
    private volatile CountDownLatch stopped = new CountDownLatch(0);

    public TopicIntake(IntakeSetup setup) {
        this.setup = setup.complete();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopped = new CountDownLatch(1);
        thread = new Thread(this::run, setup.name());
        thread.start();
    }

    @Override
    public void stop() {
        Thread current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            current = thread;
        }
        Consumer<String, byte[]> active = consumer;
        if (active != null) {
            active.wakeup();
        }
        try {
            if (!stopped.await(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("{} did not stop in time", setup.name());
                current.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the loop is alive and reading (false once stopped, or if it died). */
    public boolean consuming() {
        return running && stopped.getCount() > 0;
    }

    /** How many partitions this instance was reading at its last poll. */
    public int assignedPartitions() {
        return assignedPartitions;
    }

    private void run() {
        Consumer<String, byte[]> opened = null;
        try {
            opened = setup.open();
            consumer = opened;
            setup.subscribe(opened, new ResumeFromStoredOffsets(opened));
            while (running) {
                pollOnce(opened);
            }
        } catch (WakeupException stopping) {
            if (running) {
                log.error("{} woken up unexpectedly", setup.name(), stopping);
            }
        } catch (RuntimeException fatal) {
            log.error("{} stopped", setup.name(), fatal);
        } finally {
            consumer = null;
            if (opened != null) {
                // Bounded: what was applied is stored already, so leaving the group is a courtesy, not a duty.
                opened.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            }
            stopped.countDown();
        }
    }

    private void pollOnce(Consumer<String, byte[]> opened) {
        ConsumerRecords<String, byte[]> records;
        try {
            // Records that took a while to handle: what reached the broker meanwhile is partly still there.
            boolean wasBusy = lastHandlingNanos >= setup.gather().toNanos();
            records = opened.poll(setup.pollTimeout());
            if (!records.isEmpty() && wasBusy && !setup.gather().isZero()) {
                records = gathered(opened, records);
            }
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (RuntimeException failed) {
            log.warn("{}: poll failed, retrying: {}", setup.name(), describe(failed));
            pause();
            return;
        }
        if (resumePending) {
            // The partitions could not be positioned from the database: what this poll read may start at the wrong
            // place, so it is dropped and they are positioned again before anything is applied.
            if (repositioned(opened)) {
                resumePending = false;
            } else {
                pause();
            }
            return;
        }
        lastHandlingNanos = 0;
        if (!records.isEmpty()) {
            long handling = System.nanoTime();
            try {
                commit(opened, setup.handler().apply(records));
                lastHandlingNanos = System.nanoTime() - handling;
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (RuntimeException failed) {
                if (failed instanceof IntakeSetup.RecordNotApplied one) {
                    log.warn("{}: {} not applied, retrying from stored offsets: {}", setup.name(), one.getMessage(),
                            describe(one.getCause()));
                } else {
                    log.warn("{}: {} records not applied, retrying from stored offsets: {}", setup.name(),
                            records.count(), describe(failed));
                }
                resumePending = !repositioned(opened);
                pause();
                return;
            }
        }
        Set<TopicPartition> assignment = opened.assignment();
        assignedPartitions = assignment.size();
        reportLag(opened, assignment);
    }

    /**
     * {@code records} with what one more poll, of at most {@link IntakeSetup#gather()}, brings. While the last poll's
     * records were handled, the consumer's next fetch was answered by the broker with the first record to arrive, and
     * only that was kept: {@code records} is that early answer, and the rest of what arrived meanwhile is still at the
     * broker. Without this second poll it would wait for the next batch, after one more handling.
     */
    private ConsumerRecords<String, byte[]> gathered(Consumer<String, byte[]> opened,
                                                     ConsumerRecords<String, byte[]> records) {
        rebalanced = false;
        ConsumerRecords<String, byte[]> more = opened.poll(setup.gather());
        if (rebalanced) {
            // Partitions moved while gathering: the two polls may not follow one another. Nothing is applied; they are
            // positioned from the stored offsets and read again.
            resumePending = true;
            return ConsumerRecords.empty();
        }
        if (more.isEmpty()) {
            return records;
        }
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecords<String, byte[]> poll : List.of(records, more)) {
            for (TopicPartition partition : poll.partitions()) {
                byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(poll.records(partition));
            }
        }
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>(records.nextOffsets());
        next.putAll(more.nextOffsets());
        return new ConsumerRecords<>(byPartition, next);
    }

    private static void commit(Consumer<String, byte[]> opened, Map<TopicPartition, Long> next) {
        if (next.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
        opened.commitAsync(commit, null);
    }

    private void reportLag(Consumer<String, byte[]> opened, Set<TopicPartition> assignment) {
        if (setup.lagReport() == null) {
            return;
        }
        long now = System.nanoTime();
        if (lagReportedAt != 0 && now - lagReportedAt < setup.lagEvery().toNanos()) {
            return;
        }
        lagReportedAt = now;
        Map<String, Long> lag = new HashMap<>();
        for (TopicPartition partition : assignment) {
            // From the last fetch's high watermark: no extra round trip to the broker.
            opened.currentLag(partition).ifPresent(behind -> lag.merge(partition.topic(), behind, Long::sum));
        }
        setup.lagReport().accept(lag);
    }

    private boolean repositioned(Consumer<String, byte[]> opened) {
        try {
            resume(opened, opened.assignment());
            return true;
        } catch (RuntimeException failed) {
            log.warn("{}: stored offsets not readable, retrying: {}", setup.name(), describe(failed));
            return false;
        }
    }

    private void resume(Consumer<String, byte[]> opened, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = setup.storedOffsets().load(partitions);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next != null) {
                opened.seek(partition, next);
            } else {
                opened.seekToBeginning(Set.of(partition));
            }
        }
        log.info("{} resumes {} partitions ({} with stored offsets)", setup.name(), partitions.size(), stored.size());
    }

    private void pause() {
        try {
            Thread.sleep(setup.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * The failure's kind and its root cause's, never their messages: a handler's failure can quote what it was
     * applying, and records stay out of logs.
     */
    private static String describe(Throwable failed) {
        StringBuilder description = new StringBuilder(failed.getClass().getSimpleName());
        Throwable root = failed;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failed) {
            description.append(" (").append(root.getClass().getSimpleName()).append(')');
        }
        return description.toString();
    }

    /** On every assignment, seek to the stored offsets, or to the beginning of a partition never read. */
    private final class ResumeFromStoredOffsets implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> opened;

        private ResumeFromStoredOffsets(Consumer<String, byte[]> opened) {
            this.opened = opened;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            rebalanced = true;
            try {
                resume(opened, partitions);
            } catch (RuntimeException failed) {
                // Thrown from here it would surface from poll(); instead the loop positions them before applying.
                log.warn("{}: cannot read stored offsets on assignment: {}", setup.name(), describe(failed));
                resumePending = true;
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            rebalanced = true;
            // Nothing to hand over: every applied record's offset is already stored with what it changed.
        }
    }
}
