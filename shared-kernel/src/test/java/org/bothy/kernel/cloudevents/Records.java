package org.bothy.kernel.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Turns what a producer would send into what a consumer would receive, as the broker does. */
public final class Records {

    private Records() {
    }

    static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }

    /**
     * A CloudEvent in Kafka binary mode as a consumer receives it: the JSON {@code payload} a writer of {@code ceType}
     * (perhaps an older version than this codec writes) sent from {@code ceSource} on {@code topic}.
     */
    public static ConsumerRecord<String, byte[]> received(String topic, String key, String ceSource, String ceId, String ceType,
                                                          String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(ceId));
        headers.add("ce_type", bytes(ceType));
        headers.add("ce_source", bytes(ceSource));
        headers.add("content-type", bytes("application/json"));
        return new ConsumerRecord<>(topic, 0, 7L, 0L, TimestampType.CREATE_TIME, -1, -1, key, bytes(payload), headers,
                Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
