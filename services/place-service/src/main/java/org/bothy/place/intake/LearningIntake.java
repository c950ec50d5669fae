package org.bothy.place.intake;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads every partner's learning topic, found by pattern so that a new partner needs no change here, and hands each
 * poll to {@link IntakeBatch}. Where to resume comes from the database, never from Kafka's committed offsets.
 */
@Component
public class LearningIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LearningIntake.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerFactory<?, ?> consumers;
    private final IntakeBatch batch;
    private final ConsumerOffsets offsets;
    private final IntakeMetrics metrics;
    private final IntakeProperties properties;

    private volatile boolean running;
    // Touched only on the intake thread: the rebalance listener runs inside poll().
    private boolean resumePending;
    private volatile int assignedPartitions;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;
    private volatile CountDownLatch stopped = new CountDownLatch(0);

    public LearningIntake(ConsumerFactory<?, ?> consumers, IntakeBatch batch, ConsumerOffsets offsets,
                          IntakeMetrics metrics, IntakeProperties properties) {
        this.consumers = consumers;
        this.batch = batch;
        this.offsets = offsets;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopped = new CountDownLatch(1);
        thread = new Thread(this::run, "learning-intake");
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
            if (!stopped.await(CLOSE_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
                log.warn("learning intake did not stop in time");
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

    private void run() {
        Consumer<String, byte[]> opened = null;
        try {
            opened = openConsumer();
            consumer = opened;
            opened.subscribe(IntakeTopics.pattern(), new ResumeFromStoredOffsets(opened));
            while (running) {
                pollOnce(opened);
            }
        } catch (WakeupException stopping) {
            if (running) {
                log.error("learning intake woken up unexpectedly", stopping);
            }
        } catch (RuntimeException fatal) {
            log.error("learning intake stopped", fatal);
        } finally {
            consumer = null;
            if (opened != null) {
                // Bounded: every batch is already committed, so leaving the group is a courtesy, not a duty.
                opened.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            }
            stopped.countDown();
        }
    }

    private void pollOnce(Consumer<String, byte[]> opened) {
        ConsumerRecords<String, byte[]> records;
        try {
            records = opened.poll(properties.pollTimeout());
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (RuntimeException failed) {
            log.warn("learning intake poll failed, retrying: {}", failed.toString());
            pause();
            return;
        }
        if (resumePending) {
            // The last assignment could not be positioned from the database: what this poll read may start at the
            // wrong place, so it is dropped and the partitions are positioned again before anything is applied.
            try {
                resume(opened, opened.assignment());
                resumePending = false;
            } catch (RuntimeException failed) {
                log.warn("stored offsets not readable, retrying: {}", failed.toString());
                pause();
            }
            return;
        }
        if (!records.isEmpty()) {
            try {
                IntakeBatch.Outcome outcome = batch.apply(records);
                metrics.projected(outcome.projected(), Instant.now());
                // Only so that operators' tools show the group's progress; correctness rests on the stored offsets.
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                outcome.nextOffsets().forEach((partition, next) -> commit.put(partition, new OffsetAndMetadata(next)));
                opened.commitAsync(commit, null);
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (RuntimeException failed) {
                log.warn("learning batch of {} records not applied, retrying from stored offsets: {}",
                        records.count(), failed.toString());
                pause();
                resumePending = true;
                return;
            }
        }
        assignedPartitions = opened.assignment().size();
        metrics.lag(lag(opened));
    }

    /** Whether the intake's loop is alive and reading (false once stopped, or if it died). */
    public boolean consuming() {
        return running && stopped.getCount() > 0;
    }

    /** How many learning partitions this instance was reading at its last poll. */
    public int assignedPartitions() {
        return assignedPartitions;
    }

    private Map<String, Long> lag(Consumer<String, byte[]> opened) {
        Map<String, Long> lag = new HashMap<>();
        for (TopicPartition partition : opened.assignment()) {
            // From the last fetch's high watermark: no extra round trip to the broker on every poll.
            opened.currentLag(partition).ifPresent(behind -> lag.merge(partition.topic(), behind, Long::sum));
        }
        return lag;
    }

    private void resume(Consumer<String, byte[]> opened, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = offsets.load(partitions);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next != null) {
                opened.seek(partition, next);
            } else {
                opened.seekToBeginning(Set.of(partition));
            }
        }
        log.info("learning intake resumes {} partitions ({} with stored offsets)", partitions.size(), stored.size());
    }

    private void pause() {
        try {
            Thread.sleep(properties.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> openConsumer() {
        Properties overrides = new Properties();
        // Strings throughout: the factory copies string properties most faithfully.
        overrides.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.setProperty(ConsumerConfig.METADATA_MAX_AGE_CONFIG, Long.toString(properties.topicDiscovery().toMillis()));
        overrides.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.maxPollRecords()));
        return (Consumer<String, byte[]>) consumers.createConsumer(properties.groupId(), "place-intake", null, overrides);
    }

    /** On every assignment, seek to the offsets stored with the rows, or to the beginning of a partition never read. */
    private final class ResumeFromStoredOffsets implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> opened;

        private ResumeFromStoredOffsets(Consumer<String, byte[]> opened) {
            this.opened = opened;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            try {
                resume(opened, partitions);
            } catch (RuntimeException failed) {
                // Thrown from here it would surface from poll(); instead the loop positions them before applying.
                log.warn("cannot read stored offsets on assignment: {}", failed.toString());
                resumePending = true;
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to flush: every batch is committed before the next poll can revoke.
        }
    }
}
