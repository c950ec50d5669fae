package org.bothy.partner.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads a journey from its own events in the event store: the store is the only record, so the view can never
 * disagree with what was decided.
 */
@Component
public class JourneyViews {

    private final EventStore eventStore;

    public JourneyViews(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The journey with this id, or empty if there is none. */
    public Optional<JourneyView> find(String journeyId) {
        JourneyHistory history = new JourneyHistory();
        DomainEventStream events = eventStore.readEvents(journeyId);
        events.forEachRemaining(event -> history.apply(event.getPayload(), event.getTimestamp()));
        return history.view();
    }

    /** The journey's current version (its last event's sequence number), or empty if there is none. */
    public Optional<Long> version(String journeyId) {
        return eventStore.lastSequenceNumberFor(journeyId);
    }

    /** The facts recorded on a journey after {@code version}: their types and times, never their text. */
    public List<StaleJourney.RecordedFact> recordedSince(String journeyId, long version) {
        List<StaleJourney.RecordedFact> since = new ArrayList<>();
        DomainEventStream events = eventStore.readEvents(journeyId, version + 1);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            since.add(new StaleJourney.RecordedFact(event.getSequenceNumber(), FactTypes.of(event.getPayloadType()),
                    event.getTimestamp()));
        }
        return since;
    }
}
