package org.bothy.support.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.RealPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared intake loop on the real broker, with its offsets stored in a real PostgreSQL in the same transaction as
 * what each record changed: nothing skipped and nothing applied twice through failures, restarts and unreadable
 * stored offsets, and where it resumes is the database's word.
 */
class TopicIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    private final String topic = "bothy.intake-test." + UUID.randomUUID();
    private final TopicPartition partition = new TopicPartition(topic, 0);
    private final List<TopicIntake> started = new ArrayList<>();

    @BeforeAll
    static void tables() {
        DataSource dataSource = RealPostgres.dataSource("topic_intake_test");
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        jdbc.execute("create table if not exists applied (seq bigserial primary key, topic text, kafka_partition int,"
                + " kafka_offset bigint, value text)");
        jdbc.execute("create table if not exists stored_offset (topic text, kafka_partition int, next_offset bigint,"
                + " primary key (topic, kafka_partition))");
    }

    @AfterEach
    void stop() {
        started.forEach(TopicIntake::stop);
    }

    @Test
    void aRecordThatFailsIsReadAgainAndEveryRecordIsAppliedOnceInOrderAcrossARestart() {
        publish(0, 10);
        AtomicInteger attemptsAtFour = new AtomicInteger();
        TopicIntake intake = start(setup().eachRecord(record -> {
            if (record.offset() == 4 && attemptsAtFour.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away for a moment");
            }
            transaction.executeWithoutResult(status -> applyAndStore(record));
        }));

        await().atMost(WAIT).until(() -> appliedOffsets().size() >= 10);
        assertThat(appliedOffsets()).containsExactlyElementsOf(range(0, 10));
        assertThat(attemptsAtFour).hasValue(2);

        intake.stop();
        assertThat(intake.consuming()).isFalse();
        publish(10, 13);
        intake.start();

        await().atMost(WAIT).until(() -> appliedOffsets().size() >= 13);
        assertThat(appliedOffsets()).containsExactlyElementsOf(range(0, 13));
        assertThat(intake.consuming()).isTrue();
        assertThat(intake.assignedPartitions()).isEqualTo(RealKafka.PARTITIONS);
    }

    @Test
    void aPollThatFailsIsRolledBackAndReadAgainAndTheGroupIsToldHowFarItGot() throws Exception {
        publish(0, 10);
        AtomicInteger failures = new AtomicInteger();
        String group = "topic-intake-test-" + UUID.randomUUID();
        start(setup(group, Map.of()).eachPoll(records -> transaction.execute(status -> {
            Map<TopicPartition, Long> next = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                applyAndStore(record);
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                if (record.offset() == 5 && failures.incrementAndGet() == 1) {
                    throw new IllegalStateException("fails after writing: the transaction rolls back");
                }
            }
            return next;
        })));

        await().atMost(WAIT).until(() -> appliedOffsets().size() >= 10);
        assertThat(appliedOffsets()).containsExactlyElementsOf(range(0, 10));
        assertThat(failures).hasValueGreaterThanOrEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(committed(group)).isEqualTo(10L));
    }

    @Test
    void itResumesFromTheStoredOffsetsNotFromTheBeginning() {
        publish(0, 6);
        jdbc.update("insert into stored_offset values (?, 0, 3)", topic);

        start(setup().eachRecord(record -> transaction.executeWithoutResult(status -> applyAndStore(record))));

        await().atMost(WAIT).until(() -> appliedOffsets().size() >= 3);
        assertThat(appliedOffsets()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void withStoredOffsetsUnreadableAtAssignmentNothingIsAppliedUntilTheyAreRead() {
        publish(0, 6);
        jdbc.update("insert into stored_offset values (?, 0, 2)", topic);
        AtomicInteger reads = new AtomicInteger();
        TopicIntake.StoredOffsets flaky = partitions -> {
            if (reads.incrementAndGet() <= 2) {
                throw new IllegalStateException("the database is away for a moment");
            }
            return stored(partitions);
        };

        start(setup().resumeFrom(flaky)
                .eachRecord(record -> transaction.executeWithoutResult(status -> applyAndStore(record))));

        await().atMost(WAIT).until(() -> appliedOffsets().size() >= 4);
        assertThat(appliedOffsets()).containsExactly(2L, 3L, 4L, 5L);
        assertThat(reads).hasValueGreaterThanOrEqualTo(3);
    }

    @Test
    void theLagOfEachTopicIsReportedUntilItIsCaughtUp() {
        publish(0, 10);
        List<Long> reported = new CopyOnWriteArrayList<>();
        Map<String, Long> last = new ConcurrentHashMap<>();
        // One record a poll, so that the lag is seen going down.
        start(setup("topic-intake-test-" + UUID.randomUUID(), Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1"))
                .eachRecord(record -> transaction.executeWithoutResult(status -> applyAndStore(record)))
                .lag(Duration.ZERO, lag -> {
                    last.putAll(lag);
                    reported.add(lag.getOrDefault(topic, -1L));
                }));

        await().atMost(WAIT).until(() -> appliedOffsets().size() >= 10);
        await().atMost(WAIT).untilAsserted(() -> assertThat(last.get(topic)).isZero());
        assertThat(reported).anySatisfy(lag -> assertThat(lag).isBetween(1L, 9L));
    }

    @Test
    void whatReachedTheBrokerWhileABatchWasHandledComesWholeInTheNextBatch() {
        publish(0, 1);
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        // The second poll returns as soon as the broker answers; it follows only a batch handled for at least this long.
        start(setup().gather(Duration.ofSeconds(1)).eachPoll(records -> transaction.execute(status -> {
            List<Long> offsets = new ArrayList<>();
            Map<TopicPartition, Long> next = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                applyAndStore(record);
                offsets.add(record.offset());
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            batches.add(offsets);
            if (batches.size() == 1) {
                // While the first batch is handled (longer than the gather), six records reach the broker one by one.
                for (long i = 1; i <= 6; i++) {
                    publish(i, i + 1);
                    sleep(200);
                }
            }
            return next;
        })));

        await().atMost(WAIT).until(() -> appliedOffsets().size() >= 7);
        assertThat(batches.get(0)).containsExactly(0L);
        assertThat(batches.get(1)).as("the broker's early answer and the rest, in one batch").containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private IntakeSetup setup() {
        return setup("topic-intake-test-" + UUID.randomUUID(), Map.of());
    }

    private IntakeSetup setup(String group, Map<String, String> overrides) {
        DefaultKafkaConsumerFactory<Object, Object> consumers = new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()));
        return IntakeSetup.named("test-intake")
                .topics(Set.of(topic))
                .consumer(consumers, group, "test-intake", overrides)
                .resumeFrom(this::stored)
                .pollTimeout(Duration.ofMillis(100))
                .retryBackoff(Duration.ofMillis(100));
    }

    private TopicIntake start(IntakeSetup setup) {
        TopicIntake intake = new TopicIntake(setup);
        started.add(intake);
        intake.start();
        return intake;
    }

    private void publish(long from, long to) {
        RealKafka.createTopics(topic);
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            for (long i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "key", ("record " + i).getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("not published", e);
        }
    }

    private void applyAndStore(ConsumerRecord<String, byte[]> record) {
        jdbc.update("insert into applied (topic, kafka_partition, kafka_offset, value) values (?, ?, ?, ?)", record.topic(), record.partition(), record.offset(),
                new String(record.value(), StandardCharsets.UTF_8));
        jdbc.update("insert into stored_offset values (?, ?, ?) on conflict (topic, kafka_partition)"
                + " do update set next_offset = excluded.next_offset", record.topic(), record.partition(), record.offset() + 1);
    }

    private Map<TopicPartition, Long> stored(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        jdbc.query("select kafka_partition, next_offset from stored_offset where topic = ?", rs -> {
            TopicPartition read = new TopicPartition(topic, rs.getInt(1));
            if (partitions.contains(read)) {
                stored.put(read, rs.getLong(2));
            }
        }, topic);
        return stored;
    }

    private List<Long> appliedOffsets() {
        return jdbc.queryForList("select kafka_offset from applied where topic = ? and kafka_partition = 0 order by seq",
                Long.class, topic);
    }

    private Long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return offset == null ? null : offset.offset();
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}
