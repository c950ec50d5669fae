package org.bothy.partner.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Wires the publisher: its topic, created at start-up, and failures that stop the token instead of skipping. */
@Configuration
@EnableConfigurationProperties(PublisherProperties.class)
public class PublishingConfiguration {

    @Bean
    NewTopic learningTopic(PartnerOrganisation organisation, PublisherProperties properties) {
        return TopicBuilder.name(Topics.learning(organisation.code()))
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    @Autowired
    void failuresAreRetried(EventProcessingConfigurer processing) {
        // Axon's default logs a handler's failure and moves on, which would lose the event for the consortium;
        // propagating it makes the pooled processor abort the batch and retry it from the stored token.
        processing.registerListenerInvocationErrorHandler(LearningPublisher.PROCESSOR,
                configuration -> PropagatingErrorHandler.instance());
    }
}
