package org.bothy.partner.publishing;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bothy.kernel.contract.learning.OrganisationLearning;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.partner.issue.IssueSharedWithPlace;
import org.bothy.partner.learning.LearningSharedAcrossScales;
import org.bothy.partner.spend.Lm3Calculated;
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
    private final LearningTopicSender sender;

    OrganisationLearningPublisher(PartnerOrganisation organisation, LearningTopicSender sender) {
        this.translation = new OrganisationLearningTranslation(organisation.code());
        this.sender = sender;
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
        sender.send(contract);
    }
}
