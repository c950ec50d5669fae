package org.bothy.partner.learning;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bothy.partner.web.Page;
import org.bothy.partner.web.StoredAggregates;
import org.springframework.stereotype.Component;

/** Reads learning cycles from their own events in the event store. */
@Component
public class LearningCycleViews {

    private final EventStore eventStore;
    private final StoredAggregates stored;

    public LearningCycleViews(EventStore eventStore, StoredAggregates stored) {
        this.eventStore = eventStore;
        this.stored = stored;
    }

    /** The cycle with this id, or empty. */
    public Optional<LearningCycleView> find(String cycleId) {
        LearningCycleHistory history = new LearningCycleHistory();
        DomainEventStream events = eventStore.readEvents(cycleId);
        events.forEachRemaining(event -> history.apply(event.getPayload(), event.getTimestamp()));
        return history.view();
    }

    /** A page of cycles, the most recently started first. */
    public Page<LearningCycleView> page(int page, int size) {
        return stored.page(LearningCycle.class, page, size, this::find);
    }
}
