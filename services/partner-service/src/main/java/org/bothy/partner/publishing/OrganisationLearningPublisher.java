package org.bothy.partner.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bothy.kernel.contract.learning.OrganisationLearning;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.partner.issue.IssueSharedWithPlace;
import org.bothy.partner.learning.LearningSharedAcrossScales;
import org.bothy.partner.spend.Lm3Calculated;
import org.bothy.support.kafka.ContractSender;
import org.springframework.stereotype.Component;

/**
 * Sends what this organisation shares about itself to {@code bothy.learning.<org>}, keyed by the issue's, cycle's
 * or project's id. It runs in the same processor as {@link LearningPublisher}, so its token too only moves once
 * Kafka has acknowledged; no person's consent is involved, since nothing here is about a person.
 */
@Component
@ProcessingGroup(LearningPublisher.PROCESSOR)
public class OrganisationLearningPublisher {

    private final OrganisationLearningTranslation translation;
    private final ContractSender sender;
    private final PublisherProperties properties;
    private final String topic;
    private final String source;
    private final MeterRegistry meters;
    private final String organisation;

    public OrganisationLearningPublisher(PartnerOrganisation organisation, ContractSender sender,
                                         PublisherProperties properties, MeterRegistry meters) {
        this.organisation = organisation.code();
        this.translation = new OrganisationLearningTranslation(organisation.code());
        this.sender = sender;
        this.properties = properties;
        this.topic = Topics.learning(organisation.code());
        this.source = "/bothy/partner/" + organisation.code();
        this.meters = meters;
    }

    @EventHandler
    void on(IssueSharedWithPlace shared, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        publish(translation.issuePublished(eventId, occurredAt, shared));
    }

    @EventHandler
    void on(LearningSharedAcrossScales shared, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        publish(translation.learningCyclePublished(eventId, occurredAt, shared));
    }

    @EventHandler
    void on(Lm3Calculated lm3, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        publish(translation.lm3Reported(eventId, occurredAt, lm3));
    }

    private void publish(OrganisationLearning contract) {
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
