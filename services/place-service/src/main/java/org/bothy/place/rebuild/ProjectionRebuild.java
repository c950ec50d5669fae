package org.bothy.place.rebuild;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bothy.place.intake.IntakeTopics;
import org.bothy.place.intake.IntakeBatch;
import org.bothy.place.intake.IntakeProperties;
import org.bothy.place.intake.LearningIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every projection from the learning topics: reads each partition from its beginning into the shadow schema
 * in bulk ({@link BulkReplay}) while the views answer from the current tables, then applies what arrived meanwhile as
 * the intake does, pauses the live intake, catches up with the last records, swaps the tables in one transaction and
 * lets the intake resume from the rebuilt offsets.
 */
@Component
public class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final ConsumerFactory<?, ?> consumers;
    private final IntakeBatch batch;
    private final BulkReplay bulk;
    private final LearningIntake intake;
    private final ShadowSchema shadow;
    private final IntakeProperties properties;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    // Reads the next poll while the one before is applied; only it touches the consumer meanwhile.
    private final ExecutorService poller = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.idle());
    private volatile Map<String, Long> lastSteps = Map.of();
    private volatile boolean stopping;

    public ProjectionRebuild(ConsumerFactory<?, ?> consumers, IntakeBatch batch, BulkReplay bulk, LearningIntake intake,
                             ShadowSchema shadow, IntakeProperties properties) {
        this.consumers = consumers;
        this.batch = batch;
        this.bulk = bulk;
        this.intake = intake;
        this.shadow = shadow;
        this.properties = properties;
    }

    /** Where the current (or last) rebuild stands. */
    public RebuildProgress progress() {
        return progress.get();
    }

    /** Where the last rebuild that finished spent its time, step by step, in milliseconds (empty before one has). */
    public Map<String, Long> lastSteps() {
        return lastSteps;
    }

    /** Starts a rebuild in the background, unless one is running; returns its progress either way. */
    public synchronized RebuildProgress start() {
        RebuildProgress current = progress.get();
        if (current.running()) {
            return current;
        }
        RebuildProgress started = new RebuildProgress(RebuildProgress.State.REBUILDING, 0, 0, 0, null, Instant.now(), null, null);
        progress.set(started);
        worker.execute(this::run);
        return started;
    }

    @Override
    public void destroy() {
        stopping = true;
        worker.shutdownNow();
        poller.shutdownNow();
    }

    private void run() {
        Instant started = progress.get().startedAt();
        Counter counter = new Counter(started);
        Map<String, Long> steps = new LinkedHashMap<>();
        try (Consumer<String, byte[]> consumer = openConsumer()) {
            shadow.create(BulkReplay.BULK_TABLES);
            Map<TopicPartition, Long> ends = assignNew(consumer, new HashMap<>(), counter);
            log.info("rebuild of the place's projections started: {} events on {} partitions", counter.total, ends.size());
            long mark = System.nanoTime();
            try (BulkReplay.Load load = bulk.begin()) {
                readUntil(consumer, ends, counter, RebuildProgress.State.REBUILDING, load::apply);
                counter.report(RebuildProgress.State.INDEXING, progress);
                log.info("rebuild: {} events read; erasures, tallies and indexes next", counter.done);
                load.finish();
                mark = step(steps, "bulk load, erasures, tallies, indexes", mark);
                load.steps().forEach((step, nanos) -> steps.put("  " + step, nanos / 1_000_000));
            }

            // What arrived during the bulk load, applied as the intake applies it while the live intake still runs.
            Map<TopicPartition, Long> caughtUp = catchUp(consumer, ends, counter, RebuildProgress.State.REBUILDING);
            mark = step(steps, "catch-up while the intake runs", mark);
            counter.report(RebuildProgress.State.SWAPPING, progress);
            intake.stop();
            try {
                // Whatever arrived since, on old partitions and on any new partner's topic.
                catchUp(consumer, caughtUp, counter, RebuildProgress.State.SWAPPING);
                shadow.swap();
            } finally {
                intake.start();
            }
            step(steps, "last catch-up and swap (intake paused)", mark);
            lastSteps = Collections.unmodifiableMap(steps);
            progress.set(new RebuildProgress(RebuildProgress.State.DONE, counter.done, counter.total, counter.rate(), 0L,
                    started, Instant.now(), null));
            log.info("rebuild of the place's projections done: {} events in {}s, tables swapped; steps (ms): {}",
                    counter.done, Duration.between(started, Instant.now()).toSeconds(), steps);
        } catch (RuntimeException failed) {
            log.error("rebuild of the place's projections failed; the current tables are unchanged", failed);
            progress.set(new RebuildProgress(RebuildProgress.State.FAILED, counter.done, counter.total, counter.rate(), null,
                    started, Instant.now(), failed.toString()));
            try {
                shadow.drop();
            } catch (RuntimeException ignored) {
                log.warn("shadow schema {} left behind: {}", ShadowSchema.SCHEMA, ignored.toString());
            }
        }
    }

    private static long step(Map<String, Long> steps, String name, long since) {
        long now = System.nanoTime();
        steps.put(name, (now - since) / 1_000_000);
        return now;
    }

    /**
     * Reads every known partition up to its end now, and every partition found since from its beginning, through the
     * intake's own batch; returns the ends reached.
     */
    private Map<TopicPartition, Long> catchUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> known,
                                              Counter counter, RebuildProgress.State state) {
        Map<TopicPartition, Long> latest = new HashMap<>(consumer.endOffsets(known.keySet()));
        counter.total += latest.entrySet().stream().mapToLong(end -> end.getValue() - known.get(end.getKey())).sum();
        latest.putAll(assignNew(consumer, latest, counter));
        readUntil(consumer, latest, counter, state, records -> batch.applyInto(ShadowSchema.SCHEMA, records));
        return latest;
    }

    /** Assigns every learning partition not yet in {@code known}, from its beginning; returns their end offsets. */
    private Map<TopicPartition, Long> assignNew(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> known,
                                                Counter counter) {
        List<TopicPartition> found = new ArrayList<>();
        for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics().entrySet()) {
            if (IntakeTopics.pattern().matcher(topic.getKey()).matches()) {
                topic.getValue().forEach(info -> found.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        List<TopicPartition> fresh = found.stream().filter(partition -> !known.containsKey(partition)).toList();
        List<TopicPartition> all = new ArrayList<>(known.keySet());
        all.addAll(fresh);
        if (fresh.isEmpty()) {
            // Careful: seekToBeginning of no partitions would rewind every assigned one.
            return Map.of();
        }
        consumer.assign(all);
        consumer.seekToBeginning(fresh);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(fresh);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(fresh));
        ends.forEach((partition, end) -> counter.total += end - begins.get(partition));
        return ends;
    }

    /** How a poll of the rebuild is applied: in bulk, or as the intake applies it. */
    private interface Poll {
        void apply(ConsumerRecords<String, byte[]> records);
    }

    /**
     * Reads every partition of {@code ends} up to its end offset and applies each poll in the order read. The next poll
     * is read while the one before is applied: the consumer's own work (fetching, checking and splitting the batches)
     * on the poller's thread while the decoding runs on the others.
     */
    private void readUntil(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends, Counter counter,
                           RebuildProgress.State state, Poll poll) {
        if (!stopping && !reached(consumer, ends)) {
            CompletableFuture<Polled> next = nextPoll(consumer, ends);
            try {
                while (true) {
                    Polled polled = next.join();
                    next = null;
                    boolean more = !stopping && !polled.reached();
                    if (more) {
                        next = nextPoll(consumer, ends);
                    }
                    if (!polled.records().isEmpty()) {
                        poll.apply(polled.records());
                        counter.done += polled.records().count();
                    }
                    if (counter.due()) {
                        counter.report(state, progress);
                        RebuildProgress now = progress.get();
                        log.info("rebuild: {} of {} events ({}/s, {}s left)", now.eventsDone(), now.eventsTotal(),
                                now.eventsPerSecond(), now.secondsLeft());
                    }
                    if (!more) {
                        break;
                    }
                }
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            } finally {
                if (next != null) {
                    // The consumer is closed by the caller: not while the poller still uses it.
                    next.exceptionally(ignored -> null).join();
                }
            }
        }
        if (stopping) {
            throw new IllegalStateException("the service is stopping");
        }
        counter.report(state, progress);
    }

    /** A poll and whether every partition of the rebuild had then reached its end offset. */
    private record Polled(ConsumerRecords<String, byte[]> records, boolean reached) {
    }

    private CompletableFuture<Polled> nextPoll(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return CompletableFuture.supplyAsync(() -> {
            ConsumerRecords<String, byte[]> records = consumer.poll(properties.pollTimeout());
            return new Polled(records, reached(consumer, ends));
        }, poller);
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> openConsumer() {
        Properties overrides = new Properties();
        overrides.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        overrides.setProperty(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        overrides.setProperty(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        // Assigned by hand, outside the intake's group: the live intake keeps its partitions until the swap.
        return (Consumer<String, byte[]>) consumers.createConsumer(null, "place-rebuild", null, overrides);
    }

    /** Events done and their rate, for the progress report. */
    private static final class Counter {
        private final Instant started;
        private long done;
        private long total;
        private Instant lastReport = Instant.EPOCH;

        private Counter(Instant started) {
            this.started = started;
        }

        private boolean due() {
            return Duration.between(lastReport, Instant.now()).compareTo(REPORT_EVERY) >= 0;
        }

        private long rate() {
            long millis = Math.max(1, Duration.between(started, Instant.now()).toMillis());
            return done * 1000 / millis;
        }

        private void report(RebuildProgress.State state, AtomicReference<RebuildProgress> progress) {
            lastReport = Instant.now();
            long rate = rate();
            Long left = rate == 0 ? null : Math.max(0, total - done) / rate;
            progress.set(new RebuildProgress(state, done, total, rate, left, started, null, null));
        }
    }
}
