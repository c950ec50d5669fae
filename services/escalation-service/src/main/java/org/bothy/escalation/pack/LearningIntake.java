package org.bothy.escalation.pack;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.kernel.contract.learning.PersonErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every partner's {@code bothy.learning.<org>} topic for what the evidence packs quote: issue-log snapshots and
 * experiments' learning summaries, and consent withdrawals and erasures that take a person's summaries back out.
 * Every effect is idempotent, so Kafka's own committed offsets suffice; a record that is not a contract is skipped
 * here (the place service dead-letters it with the reason).
 */
@Component
public class LearningIntake {

    private static final Logger log = LoggerFactory.getLogger(LearningIntake.class);

    private final SharedLearning learning;
    private final ContractCodec codec = ContractCodec.standard();

    public LearningIntake(SharedLearning learning) {
        this.learning = learning;
    }

    @KafkaListener(
            id = "evidence-pack-learning",
            topicPattern = "bothy\\.learning\\.(?!dlt$)[a-z0-9]+(-[a-z0-9]+)*",
            groupId = "${bothy.escalation.pack.learning-group:bothy-escalation-pack}",
            properties = {
                    "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "auto.offset.reset=earliest",
                    // a new partner's topic is found within a minute, not Kafka's default five
                    "metadata.max.age.ms=60000"})
    void on(ConsumerRecord<String, byte[]> record) {
        ContractEvent event;
        try {
            event = codec.fromRecord(record);
        } catch (ContractViolation violation) {
            // Position only: the reason can quote the record, and records stay out of logs.
            log.warn("skipped a record that is not a learning contract at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        // JDK 17: no pattern matching in switch yet. Other learning contracts are the place's to count, not the pack's.
        if (event instanceof IssuePublished issue) {
            learning.keep(issue);
        } else if (event instanceof ExperimentConcluded experiment) {
            learning.keep(experiment);
        } else if (event instanceof ConsentWithdrawn withdrawn) {
            learning.forget(withdrawn.organisation(), withdrawn.pseudonym());
        } else if (event instanceof PersonErased erased) {
            learning.forget(erased.organisation(), erased.pseudonym());
        }
    }
}
