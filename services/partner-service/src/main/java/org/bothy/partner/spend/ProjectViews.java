package org.bothy.partner.spend;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bothy.partner.web.PageOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads projects from their own events in the event store, so that the figures shown are the figures decided. */
@Component
public class ProjectViews {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public ProjectViews(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** The project with this id, or empty. */
    public Optional<ProjectView> find(String projectId) {
        ProjectHistory history = new ProjectHistory();
        DomainEventStream events = eventStore.readEvents(projectId);
        events.forEachRemaining(event -> history.apply(event.getPayload(), event.getTimestamp()));
        return history.view();
    }

    /** A page of projects, the most recently started first. */
    public PageOf<ProjectView> page(int page, int size) {
        // a project's first event is its start: the store itself lists them, with no table to keep
        String started = "from domain_event_entry where type = 'Project' and sequence_number = 0";
        long total = jdbc.queryForObject("select count(*) " + started, Long.class);
        List<String> ids = jdbc.queryForList("select aggregate_identifier " + started
                + " order by global_index desc limit ? offset ?", String.class, size, (long) page * size);
        return new PageOf<>(ids.stream().map(this::find).flatMap(Optional::stream).toList(), page, size, total);
    }
}
