package org.bothy.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

/**
 * Sets aside records an intake refuses: each one's original key, bytes and headers go to {@code bothy.learning.dlt}
 * with the reason and where it came from ({@link Topics#DLT_REASON} and the rest), so that it can be inspected and
 * replayed while its partition moves on. Sending waits until Kafka has every letter, so that the refused records'
 * offsets may then be stored as consumed.
 */
public class DeadLetterSender {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> template;
    private final MeterRegistry meters;

    /** Sends through {@code template}, whose serializers must write String keys and byte[] values as they are. */
    public DeadLetterSender(KafkaTemplate<String, byte[]> template, MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
    }

    /** A record refused for {@code reason}, waiting to be sent. */
    public record Refused(ConsumerRecord<String, byte[]> record, String reason) {
    }

    /** Sends {@code record} to the dead-letter topic with {@code reason}, and waits until Kafka has it. */
    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        send(List.of(new Refused(record, reason)));
    }

    /** Sends every refused record to the dead-letter topic and waits until Kafka has acknowledged all of them. */
    public void send(List<Refused> refused) {
        if (refused.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] acks = refused.stream().map(this::sendOne).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letters not acknowledged by Kafka: " + e.getClass().getSimpleName(), e);
        }
        for (Refused one : refused) {
            // Coordinates only: the payload, and a reason quoting it, may hold anything and stay in the letter's headers.
            log.warn("dead-lettered {}-{}@{} to {}", one.record().topic(), one.record().partition(), one.record().offset(),
                    Topics.LEARNING_DLT);
            Counter.builder("bothy.consumer.dead.letters")
                    .description("Records refused and sent to the dead-letter topic")
                    .tag("topic", one.record().topic())
                    .register(meters)
                    .increment();
        }
    }

    /** The template the letters go through. */
    protected KafkaTemplate<String, byte[]> template() {
        return template;
    }

    private CompletableFuture<?> sendOne(Refused refused) {
        ConsumerRecord<String, byte[]> original = refused.record();
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.LEARNING_DLT, null, original.key(),
                original.value());
        for (Header header : original.headers()) {
            letter.headers().add(header.key(), header.value());
        }
        letter.headers()
                .add(Topics.DLT_REASON, utf8(refused.reason()))
                .add(Topics.DLT_TOPIC, utf8(original.topic()))
                .add(Topics.DLT_PARTITION, utf8(Integer.toString(original.partition())))
                .add(Topics.DLT_OFFSET, utf8(Long.toString(original.offset())));
        return template.send(letter);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
