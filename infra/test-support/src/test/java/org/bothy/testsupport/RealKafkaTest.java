package org.bothy.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RealKafkaTest {

    @Test
    void a_record_produced_with_acks_all_is_consumed_back_with_its_key_value_and_headers() throws Exception {
        String topic = "bothy.test.round-trip";
        RealKafka.createTopics(topic);
        RealKafka.createTopics(topic); // idempotent

        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, "pseudonym-1", "hello".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
            RecordMetadata metadata = producer.send(record).get(30, TimeUnit.SECONDS);
            assertThat(metadata.offset()).isGreaterThanOrEqualTo(0);
        }

        List<ConsumerRecord<String, byte[]>> records = RealKafka.poll(topic, 1, Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> read = records.get(0);
        assertThat(read.key()).isEqualTo("pseudonym-1");
        assertThat(new String(read.value(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(new String(read.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("e-1");
        assertThat(RealKafka.readAll(topic, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void created_topics_have_the_documented_partition_count() {
        String topic = "bothy.test.partitions";
        RealKafka.createTopics(topic);

        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            assertThat(producer.partitionsFor(topic)).hasSize(RealKafka.PARTITIONS);
        }
    }
}
