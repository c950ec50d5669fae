package org.bothy.place.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How the intake reads the learning topics (consumer group, discovery of new partner topics) and sets aside bad records. */
@ConfigurationProperties("bothy.place.intake")
public record IntakeProperties(String groupId, Duration pollTimeout, Duration topicDiscovery, int maxPollRecords,
                               Duration retryBackoff, int deadLetterPartitions, int deadLetterReplicas, Duration gather) {

    public IntakeProperties {
        groupId = groupId == null || groupId.isBlank() ? "bothy-place" : groupId;
        pollTimeout = pollTimeout == null ? Duration.ofMillis(500) : pollTimeout;
        // A new partner's topic is found on the next metadata refresh, so keep it short.
        topicDiscovery = topicDiscovery == null ? Duration.ofSeconds(5) : topicDiscovery;
        maxPollRecords = maxPollRecords <= 0 ? 500 : maxPollRecords;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
        deadLetterPartitions = deadLetterPartitions <= 0 ? 3 : deadLetterPartitions;
        deadLetterReplicas = deadLetterReplicas <= 0 ? 1 : deadLetterReplicas;
        // After a poll whose records took longer than this to apply, poll again for at most this long (TopicIntake's
        // gather): what reached the broker meanwhile goes in the next batch instead of waiting one batch more. In the
        // consortium harness at 100 commands/s it took a record's send -> read by the intake from mean 367 to 180 ms.
        gather = gather == null ? Duration.ofMillis(20) : gather;
    }
}
