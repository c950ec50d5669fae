package org.bothy.partner.referral;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.support.kafka.IntakeSetup;
import org.bothy.support.kafka.TopicIntake;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads {@code bothy.referrals} and hands each record to {@link ReferralReception}, which applies it and stores
 * where to resume in the same transaction; where to resume comes from the database, never from Kafka's offsets.
 */
@Component
public class ReferralIntake extends TopicIntake {

    public ReferralIntake(ConsumerFactory<?, ?> consumers, ReferralReception reception, ReferralProperties properties,
                          PartnerOrganisation organisation) {
        super(setup(consumers, reception, properties, group(properties, organisation)));
    }

    private static IntakeSetup setup(ConsumerFactory<?, ?> consumers, ReferralReception reception,
                                     ReferralProperties properties, String group) {
        return IntakeSetup.named("referral-intake")
                .topics(Set.of(Topics.REFERRALS))
                .consumer(consumers, group, group, Map.of())
                .resumeFrom(partitions -> storedOffsets(reception, partitions))
                .eachRecord(reception::take)
                .pollTimeout(properties.pollTimeout());
    }

    private static String group(ReferralProperties properties, PartnerOrganisation organisation) {
        return properties.consumerGroup() != null ? properties.consumerGroup()
                : "partner-" + organisation.code() + "-referrals";
    }

    private static Map<TopicPartition, Long> storedOffsets(ReferralReception reception,
                                                            Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = reception.storedOffset(partition);
            if (next != null) {
                stored.put(partition, next);
            }
        }
        return stored;
    }
}
