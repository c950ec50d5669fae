package org.bothy.place.signals;

import org.apache.kafka.clients.admin.NewTopic;
import org.bothy.kernel.topics.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the evidence topic, created at start-up if absent: compacted, so it always holds each pattern's latest signal. */
@Configuration(proxyBeanMethods = false)
public class EvidenceTopic {

    @Bean
    NewTopic placeEvidenceTopic(SignalProperties properties) {
        return TopicBuilder.name(Topics.PLACE_EVIDENCE)
                .partitions(properties.evidencePartitions())
                .replicas(properties.evidenceReplicas())
                .compact()
                .build();
    }
}
