package org.bothy.partner.publishing;

import java.time.Instant;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.JourneyClosed;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.partner.journey.BarrierRecorded;

/**
 * Translates this organisation's private journey events into the consortium's learning contracts: the pseudonym
 * goes in, codes go in, the private note stays out.
 */
public final class LearningTranslation {

    private final String organisation;

    public LearningTranslation(String organisation) {
        this.organisation = organisation;
    }

    /** The contract for a journey that was opened; {@code eventId} is the stored event's own id, stable on retry. */
    public JourneyOpened journeyOpened(String eventId, Instant occurredAt,
                                       org.bothy.partner.journey.JourneyOpened opened) {
        return new JourneyOpened(eventId, occurredAt, organisation, opened.pseudonym(), opened.journeyId(),
                opened.door());
    }

    /** The contract for a barrier that was recorded, without its note; older events met it the day they were stored. */
    public BarrierObserved barrierObserved(String eventId, Instant occurredAt, BarrierRecorded recorded) {
        return new BarrierObserved(eventId, occurredAt, organisation, recorded.pseudonym(), recorded.journeyId(),
                recorded.barrierId(), recorded.theme(), recorded.systemActor(), recorded.level(),
                recorded.observedOn() != null ? recorded.observedOn() : BarrierObserved.dayOf(occurredAt));
    }

    /** The contract for a contact: its kind, minutes and spend, without what the money was for. */
    public ContactRecorded contactRecorded(String eventId, Instant occurredAt,
                                           org.bothy.partner.journey.contact.ContactRecorded contact) {
        return new ContactRecorded(eventId, occurredAt, organisation, contact.pseudonym(), contact.journeyId(),
                contact.contactId(), contact.kind(), contact.minutes(), contact.spendPence());
    }

    /** The contract for a score the person gave themselves. */
    public SoftMeasureScored softMeasureScored(String eventId, Instant occurredAt,
                                               org.bothy.partner.journey.measure.SoftMeasureScored scored) {
        return new SoftMeasureScored(eventId, occurredAt, organisation, scored.pseudonym(), scored.journeyId(),
                scored.dimension(), scored.score());
    }

    /** The contract for a concluded experiment: its theme and the learning summary written for sharing, nothing else. */
    public ExperimentConcluded experimentConcluded(String eventId, Instant occurredAt,
                                                   org.bothy.partner.journey.experiment.ExperimentConcluded concluded) {
        return new ExperimentConcluded(eventId, occurredAt, organisation, concluded.pseudonym(),
                concluded.journeyId(), concluded.experimentId(), concluded.theme(), concluded.learningSummary());
    }

    /** The contract for a closed journey, without the person's closing words. */
    public JourneyClosed journeyClosed(String eventId, Instant occurredAt,
                                       org.bothy.partner.journey.JourneyClosed closed) {
        return new JourneyClosed(eventId, occurredAt, organisation, closed.pseudonym(), closed.journeyId());
    }
}
