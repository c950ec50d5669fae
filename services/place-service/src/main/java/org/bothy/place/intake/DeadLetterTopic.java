package org.bothy.place.intake;

import org.apache.kafka.clients.admin.NewTopic;
import org.bothy.kernel.topics.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the learning dead-letter topic, created at start-up if absent: a refused record can only be skipped once
 * it is safely there, so a missing topic would otherwise hold up its partition.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterTopic {

    @Bean
    NewTopic learningDeadLetterTopic(IntakeProperties properties) {
        return TopicBuilder.name(Topics.LEARNING_DLT)
                .partitions(properties.deadLetterPartitions())
                .replicas(properties.deadLetterReplicas())
                .build();
    }
}
