package org.bothy.escalation.feeds.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.topics.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** One topic per statutory body in the code list, {@code bothy.evidence.<body>}, created at start-up if missing. */
@Configuration(proxyBeanMethods = false)
public class FeedTopics {

    @Bean
    KafkaAdmin.NewTopics statutoryFeedTopics(Codes codes) {
        return new KafkaAdmin.NewTopics(codes.statutoryBodies().stream()
                .map(body -> TopicBuilder.name(Topics.EVIDENCE_PREFIX + body.code()).partitions(3).build())
                .toArray(NewTopic[]::new));
    }
}
