package org.bothy.partner.journey;

import java.util.Optional;
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
}
