package org.bothy.place;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.topics.Topics;
import org.bothy.place.barriers.BarrierCount;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.intake.ConsumerOffsets;
import org.bothy.testsupport.RealKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record never stops a partition: what is not a valid contract goes to the dead-letter topic with its
 * original key, bytes and headers and the reason, and the valid record behind it on the same partition is applied.
 */
class DeadLetterTest extends PlaceServiceTestBase {

    @Autowired
    BarrierCounts counts;
    @Autowired
    ConsumerOffsets offsets;
    @Autowired
    MeterRegistry meters;

    @Test
    void setsAsideInvalidRecordsWithTheReasonAndGoesOn() {
        String dora = LearningRecords.pseudonym("dora");
        byte[] garbage = "\u0000 not a cloud event \u00ff".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> notACloudEvent = new ProducerRecord<>(ORG_A_TOPIC, dora, garbage);
        ProducerRecord<String, byte[]> unknownTheme = LearningRecords.record(ORG_A_TOPIC,
                LearningRecords.barrier("fresh-start", dora, "weather", "council-revenues", Instant.now()));
        BarrierObserved valid = LearningRecords.barrier("fresh-start", dora, "debt", "council-revenues", Instant.now());

        // One key, so all three share a partition and the valid record really is behind the poison ones.
        List<RecordMetadata> written = LearningRecords.send(notACloudEvent, unknownTheme,
                LearningRecords.record(ORG_A_TOPIC, valid));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(counts.byPattern("debt", "council-revenues"))
                        .containsExactly(new BarrierCount("debt", "council-revenues", 1, 1)));

        List<ConsumerRecord<String, byte[]>> letters = RealKafka.readAll(Topics.LEARNING_DLT, Duration.ofSeconds(30)).stream()
                .filter(letter -> dora.equals(letter.key()))
                .toList();
        assertThat(letters).hasSize(2);

        ConsumerRecord<String, byte[]> first = letters.get(0);
        assertThat(first.value()).isEqualTo(garbage);
        assertThat(header(first, Topics.DLT_REASON)).contains("ce_");
        assertOrigin(first, written.get(0));

        ConsumerRecord<String, byte[]> second = letters.get(1);
        assertThat(second.value()).isEqualTo(unknownTheme.value());
        assertThat(header(second, Topics.DLT_REASON)).contains("unknown theme 'weather'");
        assertThat(header(second, "ce_id")).as("original headers kept").isEqualTo(header(unknownTheme, "ce_id"));
        assertOrigin(second, written.get(1));

        RecordMetadata last = written.get(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(offsets.all().get(new TopicPartition(last.topic(), last.partition())))
                        .isGreaterThanOrEqualTo(last.offset() + 1));

        Counter deadLetters = meters.find("bothy.consumer.dead.letters").tag("topic", ORG_A_TOPIC).counter();
        assertThat(deadLetters).isNotNull();
        assertThat(deadLetters.count()).isGreaterThanOrEqualTo(2.0);
    }

    private static void assertOrigin(ConsumerRecord<String, byte[]> letter, RecordMetadata original) {
        assertThat(header(letter, Topics.DLT_TOPIC)).isEqualTo(original.topic());
        assertThat(header(letter, Topics.DLT_PARTITION)).isEqualTo(Integer.toString(original.partition()));
        assertThat(header(letter, Topics.DLT_OFFSET)).isEqualTo(Long.toString(original.offset()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
