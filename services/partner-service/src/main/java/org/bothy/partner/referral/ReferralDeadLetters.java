package org.bothy.partner.referral;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bothy.kernel.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sets aside a referral record this organisation cannot apply (not a valid contract, or refused by the referral it
 * names): its original key, bytes and headers go to the dead-letter topic with the reason and where it came from, as
 * the place does with what it cannot read, so that it can be inspected and replayed while the partition moves on.
 */
@Component
public class ReferralDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ReferralDeadLetters.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;

    @SuppressWarnings("unchecked")
    public ReferralDeadLetters(KafkaTemplate<?, ?> kafka, MeterRegistry meters) {
        // Boot's template is declared KafkaTemplate<?, ?>; Bothy's defaults make its serializers String and byte[]
        this.kafka = (KafkaTemplate<String, byte[]>) kafka;
        this.meters = meters;
    }

    /** Sends {@code record} to the dead-letter topic with {@code reason}, and waits until Kafka has it. */
    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.LEARNING_DLT, null, record.key(),
                record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header.key(), header.value());
        }
        letter.headers()
                .add(Topics.DLT_REASON, utf8(reason))
                .add(Topics.DLT_TOPIC, utf8(record.topic()))
                .add(Topics.DLT_PARTITION, utf8(Integer.toString(record.partition())))
                .add(Topics.DLT_OFFSET, utf8(Long.toString(record.offset())));
        try {
            kafka.send(letter).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not acknowledged by Kafka: " + e.getClass().getSimpleName(), e);
        }
        // coordinates only: the payload, and a reason quoting it, may hold anything and stay in the letter's headers
        log.warn("referral record {}-{}@{} dead-lettered to {}", record.topic(), record.partition(), record.offset(),
                Topics.LEARNING_DLT);
        Counter.builder("bothy.consumer.dead.letters")
                .description("Records refused and sent to the dead-letter topic")
                .tag("topic", record.topic())
                .register(meters)
                .increment();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
