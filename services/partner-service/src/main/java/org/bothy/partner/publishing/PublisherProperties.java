package org.bothy.partner.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the publisher creates this organisation's learning topic and how long it waits for Kafka to acknowledge.
 *
 * @param partitions             partitions of {@code bothy.learning.<org>} when this service creates it
 * @param replicas               replicas of that topic (1 on one machine, 3 on a cluster)
 * @param acknowledgementTimeout how long a batch waits for Kafka before it fails and is retried
 */
@ConfigurationProperties("bothy.publisher")
public record PublisherProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("30s") Duration acknowledgementTimeout) {
}
