package org.bothy.partner.spend;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bothy.partner.web.Page;
import org.bothy.partner.web.StoredAggregates;
import org.springframework.stereotype.Component;

/** Reads projects from their own events in the event store, so that the figures shown are the figures decided. */
@Component
public class ProjectViews {

    private final EventStore eventStore;
    private final StoredAggregates stored;

    public ProjectViews(EventStore eventStore, StoredAggregates stored) {
        this.eventStore = eventStore;
        this.stored = stored;
    }

    /** The project with this id, or empty. */
    public Optional<ProjectView> find(String projectId) {
        ProjectHistory history = new ProjectHistory();
        DomainEventStream events = eventStore.readEvents(projectId);
        events.forEachRemaining(event -> history.apply(event.getPayload(), event.getTimestamp()));
        return history.view();
    }

    /** A page of projects, the most recently started first. */
    public Page<ProjectView> page(int page, int size) {
        return stored.page(Project.class, page, size, this::find);
    }
}
