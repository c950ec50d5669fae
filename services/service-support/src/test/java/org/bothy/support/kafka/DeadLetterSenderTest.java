package org.bothy.support.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealKafka;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused record reaches the real broker's dead-letter topic as it was, with the reason and where it came from. */
class DeadLetterSenderTest {

    @Test
    void aRefusedRecordIsSetAsideWithItsBytesHeadersReasonAndCoordinates() {
        RealKafka.createTopics(Topics.LEARNING_DLT);
        String key = "refused-" + UUID.randomUUID();
        byte[] value = {0, 1, 2, (byte) 0xff};
        RecordHeaders headers = new RecordHeaders(List.of(new RecordHeader("ce_id", utf8("id-1"))));
        ConsumerRecord<String, byte[]> refused = new ConsumerRecord<>("bothy.learning.somewhere", 2, 41L, 0L,
                TimestampType.CREATE_TIME, 0, 0, key, value, headers, Optional.empty());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(RealKafka.producerProperties());
        try {
            new DeadLetterSender(new KafkaTemplate<>(producers), meters).send(refused, "not a valid contract: no ce_type");
        } finally {
            producers.destroy();
        }

        ConsumerRecord<String, byte[]> letter = RealKafka.readAll(Topics.LEARNING_DLT, Duration.ofSeconds(30)).stream()
                .filter(record -> key.equals(record.key())).findFirst().orElseThrow();
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, "ce_id")).isEqualTo("id-1");
        assertThat(header(letter, Topics.DLT_REASON)).isEqualTo("not a valid contract: no ce_type");
        assertThat(header(letter, Topics.DLT_TOPIC)).isEqualTo("bothy.learning.somewhere");
        assertThat(header(letter, Topics.DLT_PARTITION)).isEqualTo("2");
        assertThat(header(letter, Topics.DLT_OFFSET)).isEqualTo("41");
        assertThat(meters.get("bothy.consumer.dead.letters").tag("topic", "bothy.learning.somewhere").counter().count())
                .isEqualTo(1.0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
