package org.bothy.localstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.topics.Topics;

/**
 * Reads the partners' learning topics beside the place (its own consumer, no group, from the beginning) to learn the
 * order in which each barrier reached its partition: the k-th barrier of a pattern is visible when the place counts
 * k people in it. Also keeps when the partner's publisher sent it (the record's timestamp, set by its producer).
 */
final class TopicOrder implements AutoCloseable {

    /**
     * A barrier as it stands on its topic: its rank within its pattern, its partition, when it was sent, and when this
     * reader's poll returned it.
     */
    record Published(String barrierId, String pattern, long rank, int partition, long sentAtMillis, long readAtMillis) {
    }

    private final ContractCodec codec = ContractCodec.standard();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Published> byBarrier = new ConcurrentHashMap<>();
    private final Map<String, Long> perPattern = new ConcurrentHashMap<>();
    private final Set<String> eventIds = new HashSet<>();
    private final java.util.concurrent.atomic.AtomicLong unreadableCount = new java.util.concurrent.atomic.AtomicLong();
    private final Thread reader;
    private volatile boolean running = true;

    TopicOrder(String bootstrapServers, List<String> organisations) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String organisation : organisations) {
            String topic = Topics.learning(organisation);
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(this::read, "topic-order");
        reader.setDaemon(true);
        reader.start();
    }

    /** Partitions of one organisation's learning topic. */
    static int partitions(String bootstrapServers, String organisation) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, byte[]> probe = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return probe.partitionsFor(Topics.learning(organisation), Duration.ofSeconds(30)).size();
        }
    }

    private void read() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                long readAt = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (isBarrier(record)) {
                        try {
                            note(record, readAt);
                        } catch (RuntimeException unreadable) {
                            // counted, not fatal: such a barrier shows as never published in the figures
                            if (unreadableCount.getAndIncrement() == 0) {
                                System.out.println("a barrier record the harness cannot read: " + unreadable);
                            }
                        }
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stop) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static boolean isBarrier(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        return type != null && new String(type.value(), java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("org.bothy.learning.BarrierObserved.");
    }

    private void note(ConsumerRecord<String, byte[]> record, long readAt) {
        ContractEvent event = codec.fromRecord(record);
        // delivery is at least once: a record sent again is the same event, which the place applies once
        if (!(event instanceof BarrierObserved barrier) || !eventIds.add(barrier.eventId())) {
            return;
        }
        String pattern = barrier.theme() + ":" + barrier.systemActor();
        long rank = perPattern.merge(pattern, 1L, Long::sum);
        byBarrier.put(barrier.barrierId(), new Published(barrier.barrierId(), pattern, rank, record.partition(),
                record.timestamp(), readAt));
    }

    /** The barrier as published, or null if it has not reached its topic (yet). */
    Published published(String barrierId) {
        return byBarrier.get(barrierId);
    }

    /** Barrier records on the topics that were not a valid contract. */
    long unreadable() {
        return unreadableCount.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
