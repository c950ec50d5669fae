package org.bothy.support.testapp;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.topics.Topics;
import org.bothy.support.kafka.ContractSender;
import org.bothy.testsupport.RealKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ContractSenderTest extends RunningTestService {

    @Autowired
    ContractSender sender;
    @Autowired
    ContractCodec codec;

    @Test
    void a_contract_is_acknowledged_by_the_broker_and_reads_back_as_the_same_contract_keyed_by_its_subject()
            throws Exception {
        String topic = Topics.learning("fresh-start");
        RealKafka.createTopics(topic);
        BarrierObserved barrier = new BarrierObserved(UUID.randomUUID().toString(),
                Instant.parse("2026-11-20T09:45:12.500Z"), "fresh-start",
                "3f2a9c1e0b7d4a6f8e5c2b1a0d9f8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f10",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "debt", "council-revenues", 2);

        RecordMetadata acknowledged = sender.send(topic, "/bothy/partner/fresh-start", barrier).get(30, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> records = RealKafka.readAll(topic, Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> r.partition() == acknowledged.partition() && r.offset() == acknowledged.offset())
                .findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(barrier.pseudonym());
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(barrier.eventId());
        assertThat(codec.fromRecord(record)).isEqualTo(barrier);
    }
}
