package org.bothy.escalation.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bothy.kernel.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads {@code bothy.place.evidence} and hands each record to {@link SignalRecorder}. Positions live in
 * PostgreSQL with the rows (Kafka's committed offsets are not used), so on every assignment the consumer
 * seeks to what the database says was applied.
 */
@Component
public class EvidenceIntake implements SmartLifecycle {

    static final String TOPIC = Topics.PLACE_EVIDENCE;
    private static final String DEFAULT_GROUP = "bothy-escalation";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration LAG_REFRESH = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(EvidenceIntake.class);

    private final KafkaProperties kafka;
    private final SignalRecorder recorder;
    private final IntakeOffsets offsets;
    private final AtomicLong lag = new AtomicLong();

    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread worker;

    public EvidenceIntake(KafkaProperties kafka, SignalRecorder recorder, IntakeOffsets offsets, MeterRegistry meters) {
        this.kafka = kafka;
        this.recorder = recorder;
        this.offsets = offsets;
        Gauge.builder("bothy.consumer.lag", lag, AtomicLong::get)
                .description("evidence signals on the topic not yet applied")
                .tag("topic", TOPIC)
                .register(meters);
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "evidence-intake");
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(consumerProperties())) {
            consumer = kafkaConsumer;
            kafkaConsumer.subscribe(List.of(TOPIC), new SeekToStored(kafkaConsumer));
            long lagCheckedAt = 0;
            while (running) {
                ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(POLL);
                if (!applyAll(kafkaConsumer, records)) {
                    sleep(RETRY_PAUSE);
                }
                if (System.currentTimeMillis() - lagCheckedAt >= LAG_REFRESH.toMillis()) {
                    lag.set(measureLag(kafkaConsumer));
                    lagCheckedAt = System.currentTimeMillis();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("evidence intake woken while running", e);
            }
        } catch (RuntimeException e) {
            log.error("evidence intake stopped", e);
        } finally {
            consumer = null;
        }
    }

    /** Applies records in order; on a failure rewinds to the stored positions so nothing is skipped. */
    private boolean applyAll(Consumer<String, byte[]> kafkaConsumer, ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                recorder.apply(record);
            } catch (RuntimeException e) {
                log.warn("cannot apply {}-{}@{} now, will retry: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                seekToStored(kafkaConsumer, kafkaConsumer.assignment());
                return false;
            }
        }
        return true;
    }

    private void seekToStored(Consumer<String, byte[]> kafkaConsumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = offsets.positions(partitions);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next == null) {
                kafkaConsumer.seekToBeginning(List.of(partition));
            } else {
                kafkaConsumer.seek(partition, next);
            }
        }
    }

    private static long measureLag(Consumer<String, byte[]> kafkaConsumer) {
        var assignment = kafkaConsumer.assignment();
        if (assignment.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> ends = null;
        long total = 0;
        for (TopicPartition partition : assignment) {
            OptionalLong known = kafkaConsumer.currentLag(partition);
            if (known.isPresent()) {
                total += known.getAsLong();
                continue;
            }
            if (ends == null) {
                ends = kafkaConsumer.endOffsets(assignment, Duration.ofSeconds(5));
            }
            total += Math.max(0, ends.getOrDefault(partition, 0L) - kafkaConsumer.position(partition));
        }
        return total;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On every assignment, resumes from the positions stored with the rows. */
    private final class SeekToStored implements ConsumerRebalanceListener {
        private final Consumer<String, byte[]> kafkaConsumer;

        private SeekToStored(Consumer<String, byte[]> kafkaConsumer) {
            this.kafkaConsumer = kafkaConsumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            seekToStored(kafkaConsumer, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // positions are already in the database with the rows; nothing to commit
        }
    }
}
