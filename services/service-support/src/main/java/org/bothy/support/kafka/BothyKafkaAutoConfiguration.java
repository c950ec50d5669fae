package org.bothy.support.kafka;

import org.bothy.kernel.cloudevents.ContractCodec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/** The contract codec and the contract sender every service that publishes to Kafka uses. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
public class BothyKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ContractCodec contractCodec() {
        return ContractCodec.standard();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaTemplate.class)
    @SuppressWarnings("unchecked")
    public ContractSender contractSender(KafkaTemplate<?, ?> kafkaTemplate, ContractCodec codec) {
        // Boot's template is declared KafkaTemplate<?, ?>; the defaults make its serializers String and byte[].
        return new ContractSender((KafkaTemplate<String, byte[]>) kafkaTemplate, codec);
    }
}
