package org.bothy.kernel.cloudevents;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Turns what a producer would send into what a consumer would receive, as the broker does. */
final class Records {

    private Records() {
    }

    static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }
}
