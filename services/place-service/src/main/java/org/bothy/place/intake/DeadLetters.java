package org.bothy.place.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bothy.support.kafka.DeadLetterSender;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Sets aside a record that is not a valid learning contract on the dead-letter topic, through a producer of its own
 * that copies the original bytes as they are, whatever the service's default serializers.
 */
@Component
public class DeadLetters extends DeadLetterSender implements DisposableBean {

    public DeadLetters(ProducerFactory<?, ?> producers, MeterRegistry meters) {
        super(new KafkaTemplate<>(raw(producers)), meters);
    }

    @SuppressWarnings("unchecked")
    private static ProducerFactory<String, byte[]> raw(ProducerFactory<?, ?> producers) {
        ProducerFactory<String, byte[]> raw = (ProducerFactory<String, byte[]>) producers.copyWithConfigurationOverride(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        if (raw instanceof DefaultKafkaProducerFactory<String, byte[]> factory) {
            factory.setPhysicalCloseTimeout(5);
        }
        return raw;
    }

    @Override
    public void destroy() throws Exception {
        // Made here rather than by Spring, so closed here: otherwise its producer outlives the service.
        if (template().getProducerFactory() instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }
}
