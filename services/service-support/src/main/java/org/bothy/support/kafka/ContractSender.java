package org.bothy.support.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a contract event to a topic as a CloudEvent (binary mode), keyed by the event's subject; the future completes
 * only when the broker has acknowledged the record (the producer runs with {@code acks=all}).
 */
public class ContractSender {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ContractCodec codec;

    public ContractSender(KafkaTemplate<String, byte[]> kafka, ContractCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    /** Sends {@code event} to {@code topic} with {@code ce_source} = {@code source}. */
    public CompletableFuture<RecordMetadata> send(String topic, String source, ContractEvent event) {
        ProducerRecord<String, byte[]> record = codec.toRecord(topic, source, event);
        return kafka.send(record).thenApply(result -> result.getRecordMetadata());
    }
}
