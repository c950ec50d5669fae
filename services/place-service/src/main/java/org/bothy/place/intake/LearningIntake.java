package org.bothy.place.intake;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.bothy.support.kafka.IntakeSetup;
import org.bothy.support.kafka.TopicIntake;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Reads every partner's learning topic, found by pattern so that a new partner needs no change here, and hands each
 * poll to {@link IntakeBatch}. Where to resume comes from the database, never from Kafka's committed offsets.
 */
@Component
public class LearningIntake extends TopicIntake {

    public LearningIntake(ConsumerFactory<?, ?> consumers, IntakeBatch batch, ConsumerOffsets offsets,
                          IntakeMetrics metrics, IntakeProperties properties) {
        super(IntakeSetup.named("learning-intake")
                .topics(IntakeTopics.pattern())
                .consumer(consumers, properties.groupId(), "place-intake", Map.of(
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, Long.toString(properties.topicDiscovery().toMillis()),
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.maxPollRecords())))
                .resumeFrom(offsets::load)
                .eachPoll(records -> {
                    Instant read = Instant.now();
                    IntakeBatch.Outcome outcome = batch.apply(records);
                    Instant committed = Instant.now();
                    metrics.projected(outcome.projected(), committed);
                    metrics.polled(records, read, committed);
                    // Reported to the group only so that operators' tools show its progress.
                    return outcome.nextOffsets();
                })
                .pollTimeout(properties.pollTimeout())
                .retryBackoff(properties.retryBackoff())
                .gather(properties.gather())
                .lag(Duration.ZERO, metrics::lag));
    }
}
