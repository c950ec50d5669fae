package org.bothy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path data;

    @Test
    void a_record_written_before_a_restart_is_read_after_it_from_the_same_log_directory() throws Exception {
        Ports ports = Ports.free(List.of());
        Path logDir = data.resolve("kafka");
        try (KafkaBroker broker = KafkaBroker.start(logDir, ports.kafka(), ports.controller())) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("bothy.learning.fresh-start", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(broker))) {
                producer.send(new ProducerRecord<>("bothy.learning.fresh-start", "p-1", "kept")).get();
            }
        }
        String clusterId = Files.readString(logDir.resolve("cluster.id"), StandardCharsets.UTF_8);

        try (KafkaBroker broker = KafkaBroker.start(logDir, ports.kafka(), ports.controller());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(broker))) {
            consumer.subscribe(List.of("bothy.learning.fresh-start"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long until = System.currentTimeMillis() + 30_000;
            while (records.isEmpty() && System.currentTimeMillis() < until) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo("kept");
        }
        assertThat(Files.readString(logDir.resolve("cluster.id"), StandardCharsets.UTF_8)).isEqualTo(clusterId);
    }

    private static Properties producerProps(KafkaBroker broker) {
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("acks", "all");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        return props;
    }

    private static Properties consumerProps(KafkaBroker broker) {
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "kafka-broker-test");
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        return props;
    }
}
