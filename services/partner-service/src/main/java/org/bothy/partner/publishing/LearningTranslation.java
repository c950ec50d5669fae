package org.bothy.partner.publishing;

import java.time.Instant;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.JourneyOpened;
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

    /** The contract for a barrier that was recorded, without its note. */
    public BarrierObserved barrierObserved(String eventId, Instant occurredAt, BarrierRecorded recorded) {
        return new BarrierObserved(eventId, occurredAt, organisation, recorded.pseudonym(), recorded.journeyId(),
                recorded.barrierId(), recorded.theme(), recorded.systemActor(), recorded.level());
    }
}
