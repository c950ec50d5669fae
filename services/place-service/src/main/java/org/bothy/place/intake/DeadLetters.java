package org.bothy.place.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bothy.kernel.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sets aside a record that is not a valid learning contract: its original key, bytes and headers go to the
 * dead-letter topic with the reason and where it came from, so that it can be inspected and replayed while the
 * partition moves on.
 */
@Component
public class DeadLetters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final ProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> template;
    private final MeterRegistry meters;

    @SuppressWarnings("unchecked")
    public DeadLetters(ProducerFactory<?, ?> producers, MeterRegistry meters) {
        // The original bytes are copied as they are, whatever the service's default serializers.
        ProducerFactory<String, byte[]> raw = (ProducerFactory<String, byte[]>) producers.copyWithConfigurationOverride(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        if (raw instanceof DefaultKafkaProducerFactory<String, byte[]> factory) {
            factory.setPhysicalCloseTimeout(5);
        }
        this.producerFactory = raw;
        this.template = new KafkaTemplate<>(raw);
        this.meters = meters;
    }

    @Override
    public void destroy() throws Exception {
        // Made here rather than by Spring, so closed here: otherwise its producer outlives the service.
        if (producerFactory instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    /** A record refused for {@code reason}, waiting to be sent. */
    public record Refused(ConsumerRecord<String, byte[]> record, String reason) {
    }

    /**
     * Sends every refused record to the dead-letter topic and waits until Kafka has acknowledged all of them, so
     * that their offsets may then be stored as consumed.
     */
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
            throw new IllegalStateException("dead letters not acknowledged by Kafka: " + e.getMessage(), e);
        }
        for (Refused one : refused) {
            // Coordinates only: the payload, and a reason quoting it, may hold anything and stay in the DLT headers.
            log.warn("dead-lettered {}-{}@{} to {}", one.record().topic(), one.record().partition(), one.record().offset(),
                    Topics.LEARNING_DLT);
            Counter.builder("bothy.consumer.dead.letters")
                    .description("Learning records refused as invalid contracts and sent to the dead-letter topic")
                    .tag("topic", one.record().topic())
                    .register(meters)
                    .increment();
        }
    }

    private CompletableFuture<?> sendOne(Refused refused) {
        ConsumerRecord<String, byte[]> original = refused.record();
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.LEARNING_DLT, null, original.key(), original.value());
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
