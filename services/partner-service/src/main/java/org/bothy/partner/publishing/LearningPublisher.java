package org.bothy.partner.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.partner.PartnerOrganisation;
import org.bothy.partner.journey.BarrierRecorded;
import org.bothy.partner.journey.JourneyClosed;
import org.bothy.partner.journey.JourneyOpened;
import org.bothy.partner.journey.contact.ContactRecorded;
import org.bothy.partner.journey.experiment.ExperimentConcluded;
import org.bothy.partner.journey.measure.SoftMeasureScored;
import org.bothy.partner.person.ConsentExpired;
import org.bothy.partner.person.ConsentRevoked;
import org.bothy.partner.person.PersonRecords;
import org.springframework.stereotype.Component;

/**
 * Reads this organisation's event store as its outbox and sends the learning contracts to
 * {@code bothy.learning.<org>}: the processor's token only moves once Kafka has acknowledged.
 */
@Component
@ProcessingGroup(LearningPublisher.PROCESSOR)
public class LearningPublisher {

    /** The name of the pooled streaming processor that runs this publisher (see application.yml). */
    public static final String PROCESSOR = "publisher";

    private final LearningTranslation translation;
    private final LearningTopicSender sender;
    private final MeterRegistry meters;
    private final String organisation;
    private final ShareConsent shareConsent;
    private final ConsentTranslation consentTranslation;

    LearningPublisher(PartnerOrganisation organisation, LearningTopicSender sender, MeterRegistry meters,
                      ShareConsent shareConsent) {
        this.shareConsent = shareConsent;
        this.organisation = organisation.code();
        this.translation = new LearningTranslation(organisation.code());
        this.consentTranslation = new ConsentTranslation(organisation.code());
        this.sender = sender;
        this.meters = meters;
    }

    @EventHandler
    void on(JourneyOpened opened, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        publish(translation.journeyOpened(eventId, occurredAt, opened));
    }

    @EventHandler
    void on(BarrierRecorded recorded, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        publish(translation.barrierObserved(eventId, occurredAt, recorded));
    }

    @EventHandler
    void on(ContactRecorded contact, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        publish(translation.contactRecorded(eventId, occurredAt, contact));
    }

    @EventHandler
    void on(SoftMeasureScored scored, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        publish(translation.softMeasureScored(eventId, occurredAt, scored));
    }

    @EventHandler
    void on(ExperimentConcluded concluded, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        publish(translation.experimentConcluded(eventId, occurredAt, concluded));
    }

    @EventHandler
    void on(JourneyClosed closed, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        if (closed.pseudonym() != null) {
            // closures recorded before they carried the pseudonym cannot be keyed to a person, so they stay home
            publish(translation.journeyClosed(eventId, occurredAt, closed));
        }
    }

    @EventHandler
    void on(ConsentRevoked revoked, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        if (PersonRecords.SHARE_LEARNING.equals(revoked.scope())) {
            // the withdrawal itself is sent without the gate: it is what tells the consortium to stop
            send(consentTranslation.consentWithdrawn(eventId, occurredAt, revoked.pseudonym()));
        }
    }

    @EventHandler
    void on(ConsentExpired expired, @MessageIdentifier String eventId) {
        if (PersonRecords.SHARE_LEARNING.equals(expired.scope())) {
            send(consentTranslation.consentWithdrawn(eventId, expired.expiredAt(), expired.pseudonym()));
        }
    }

    @EventHandler
    void on(org.bothy.partner.person.PersonErased erased, @MessageIdentifier String eventId,
            @Timestamp Instant occurredAt) {
        // regardless of consent: whatever was shared before must be dropped
        send(consentTranslation.personErased(eventId, occurredAt, erased.pseudonym()));
    }

    private void publish(LearningEvent contract) {
        // person-level: only with the person's share consent (see ShareConsent); withheld events are not retried
        if (!shareConsent.allows(contract, LearningPublisher::pseudonymOf)) {
            Counter.builder("bothy.publisher.withheld").description("learning events withheld for want of consent")
                    .tag("organisation", organisation).register(meters).increment();
            return;
        }
        send(contract);
    }

    /** The person a private event is about, for the events this publisher gates; null for any other. */
    static String pseudonymOf(Object payload) {
        if (payload instanceof JourneyOpened opened) {
            return opened.pseudonym();
        } else if (payload instanceof BarrierRecorded recorded) {
            return recorded.pseudonym();
        } else if (payload instanceof ContactRecorded contact) {
            return contact.pseudonym();
        } else if (payload instanceof SoftMeasureScored scored) {
            return scored.pseudonym();
        } else if (payload instanceof ExperimentConcluded concluded) {
            return concluded.pseudonym();
        } else if (payload instanceof JourneyClosed closed) {
            return closed.pseudonym();
        }
        return null;
    }

    private void send(LearningEvent contract) {
        sender.send(contract);
    }
}
