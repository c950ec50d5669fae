package org.bothy.partner.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.support.kafka.ContractSender;
import org.springframework.stereotype.Component;

/**
 * Sends a contract to this organisation's learning topic and holds the publisher's batch until Kafka has
 * acknowledged it, counting what was acknowledged: the one way every publisher in this processing group sends.
 */
@Component
class LearningTopicSender {

    private final ContractSender sender;
    private final PublisherProperties properties;
    private final MeterRegistry meters;
    private final String organisation;
    private final String topic;
    private final String source;

    LearningTopicSender(PartnerOrganisation organisation, ContractSender sender, PublisherProperties properties,
                        MeterRegistry meters) {
        this.sender = sender;
        this.properties = properties;
        this.meters = meters;
        this.organisation = organisation.code();
        this.topic = Topics.learning(organisation.code());
        this.source = "/bothy/partner/" + organisation.code();
    }

    void send(ContractEvent contract) {
        CompletableFuture<?> acknowledgement = sender.send(topic, source, contract);
        Counter published = Counter.builder("bothy.publisher.published")
                .description("learning events Kafka has acknowledged")
                .tag("organisation", organisation)
                .tag("contract", contract.getClass().getSimpleName())
                .register(meters);
        KafkaAcknowledgements.awaitBeforeCommit(acknowledgement, properties.acknowledgementTimeout(),
                published::increment);
    }
}
