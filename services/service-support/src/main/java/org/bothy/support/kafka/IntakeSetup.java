package org.bothy.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * What one service's {@link TopicIntake} reads and does: its name (the thread's, and the logs'), its topics, its
 * consumer, where its stored offsets are, and its handler, each poll's or each record's; how long a poll waits,
 * the pause before a retry, and where its lag is reported.
 */
public final class IntakeSetup {

    /** Applies one record and stores the offset after it in the same transaction; throws, with nothing stored, to read it again. */
    @FunctionalInterface
    public interface RecordHandler {

        /** Applies {@code record} and stores where to resume after it. */
        void apply(ConsumerRecord<String, byte[]> record);
    }

    private final String name;
    private Collection<String> topics;
    private Pattern topicPattern;
    private Supplier<Consumer<String, byte[]>> consumer;
    private TopicIntake.StoredOffsets storedOffsets;
    private TopicIntake.PollHandler handler;
    private Duration pollTimeout = Duration.ofMillis(500);
    private Duration retryBackoff = Duration.ofSeconds(1);
    private Duration gather = Duration.ZERO;
    private Duration lagEvery = Duration.ZERO;
    private java.util.function.Consumer<Map<String, Long>> lagReport;

    private IntakeSetup(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A setup for the intake called {@code name}. */
    public static IntakeSetup named(String name) {
        return new IntakeSetup(name);
    }

    /** Reads these topics. */
    public IntakeSetup topics(Collection<String> names) {
        this.topics = List.copyOf(names);
        this.topicPattern = null;
        return this;
    }

    /** Reads every topic matching {@code pattern}, found again on each metadata refresh. */
    public IntakeSetup topics(Pattern pattern) {
        this.topicPattern = pattern;
        this.topics = null;
        return this;
    }

    /**
     * Opens its consumer from {@code consumers} in {@code group} (null: the factory's own), with String keys, byte[]
     * values, no automatic commit, a partition never read from its beginning, and {@code overrides} on top.
     */
    @SuppressWarnings("unchecked")
    public IntakeSetup consumer(ConsumerFactory<?, ?> consumers, String group, String clientIdPrefix,
                                Map<String, String> overrides) {
        Properties properties = new Properties();
        // Strings throughout: the factory copies string properties most faithfully.
        properties.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.forEach(properties::setProperty);
        this.consumer = () -> (Consumer<String, byte[]>) consumers.createConsumer(group, clientIdPrefix, null, properties);
        return this;
    }

    /** Positions each partition from {@code offsets} on assignment and after a failure. */
    public IntakeSetup resumeFrom(TopicIntake.StoredOffsets offsets) {
        this.storedOffsets = offsets;
        return this;
    }

    /** Hands each poll's records to {@code handler} at once. */
    public IntakeSetup eachPoll(TopicIntake.PollHandler handler) {
        this.handler = handler;
        return this;
    }

    /**
     * Hands the records to {@code handler} one by one, each stored as it is applied; after one fails, the rest of
     * its poll is read again once the partitions are positioned from the stored offsets. No offsets are reported to
     * the consumer group.
     */
    public IntakeSetup eachRecord(RecordHandler handler) {
        this.handler = records -> {
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    handler.apply(record);
                } catch (RuntimeException failed) {
                    throw new RecordNotApplied(record, failed);
                }
            }
            return Map.of();
        };
        return this;
    }

    /** How long each poll waits for records (default 500 ms). */
    public IntakeSetup pollTimeout(Duration timeout) {
        this.pollTimeout = timeout;
        return this;
    }

    /**
     * After a poll that follows records handled for at least {@code wait}, polls once more for at most {@code wait}
     * and hands both polls' records on together: what reached the broker while the last records were handled then
     * goes in this batch rather than the next (default zero: one poll per batch). Only after records that took at
     * least {@code wait} to handle: an idle intake, which handles each record as it comes, loses nothing to it.
     */
    public IntakeSetup gather(Duration wait) {
        this.gather = wait;
        return this;
    }

    /** The pause after a failure before the records are read again (default 1 s). */
    public IntakeSetup retryBackoff(Duration pause) {
        this.retryBackoff = pause;
        return this;
    }

    /**
     * Reports, at most once per {@code every} (zero: after every poll), the records behind the end of each topic read,
     * summed over this instance's partitions; a topic missing from the report has no lag known here.
     */
    public IntakeSetup lag(Duration every, java.util.function.Consumer<Map<String, Long>> report) {
        this.lagEvery = every;
        this.lagReport = report;
        return this;
    }

    IntakeSetup complete() {
        if (topics == null && topicPattern == null) {
            throw new IllegalStateException(name + ": no topics to read");
        }
        Objects.requireNonNull(consumer, name + ": no consumer");
        Objects.requireNonNull(storedOffsets, name + ": no stored offsets");
        Objects.requireNonNull(handler, name + ": no handler");
        Objects.requireNonNull(pollTimeout, name + ": no poll timeout");
        Objects.requireNonNull(retryBackoff, name + ": no retry backoff");
        Objects.requireNonNull(gather, name + ": no gather wait");
        Objects.requireNonNull(lagEvery, name + ": no lag interval");
        return this;
    }

    String name() {
        return name;
    }

    Consumer<String, byte[]> open() {
        return consumer.get();
    }

    void subscribe(Consumer<String, byte[]> opened, ConsumerRebalanceListener listener) {
        if (topicPattern != null) {
            opened.subscribe(topicPattern, listener);
        } else {
            opened.subscribe(topics, listener);
        }
    }

    TopicIntake.StoredOffsets storedOffsets() {
        return storedOffsets;
    }

    TopicIntake.PollHandler handler() {
        return handler;
    }

    Duration pollTimeout() {
        return pollTimeout;
    }

    Duration retryBackoff() {
        return retryBackoff;
    }

    Duration gather() {
        return gather;
    }

    Duration lagEvery() {
        return lagEvery;
    }

    java.util.function.Consumer<Map<String, Long>> lagReport() {
        return lagReport;
    }

    /** A record a record handler could not apply, named by its coordinates (never its content). */
    static final class RecordNotApplied extends RuntimeException {

        RecordNotApplied(ConsumerRecord<String, byte[]> record, RuntimeException cause) {
            super("record " + record.topic() + "-" + record.partition() + "@" + record.offset(), cause, false, false);
        }
    }
}
