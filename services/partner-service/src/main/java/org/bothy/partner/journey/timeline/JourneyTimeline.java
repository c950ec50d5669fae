package org.bothy.partner.journey.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bothy.partner.journey.FactTypes;
import org.bothy.partner.journey.WorkerOnRecord;
import org.bothy.partner.web.Page;
import org.springframework.stereotype.Component;

/** Reads a page of a journey's timeline straight from its events, starting at the page's first version. */
@Component
public class JourneyTimeline {

    private final EventStore eventStore;

    public JourneyTimeline(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Page {@code page} of {@code size} facts, oldest first; empty if the journey does not exist. */
    public Optional<Page<TimelineEntry>> page(String journeyId, int page, int size) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(journeyId);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        long first = (long) page * size;
        List<TimelineEntry> entries = new ArrayList<>();
        if (first <= last.get()) {
            DomainEventStream events = eventStore.readEvents(journeyId, first);
            while (events.hasNext() && entries.size() < size) {
                DomainEventMessage<?> event = events.next();
                Object worker = event.getMetaData().get(WorkerOnRecord.METADATA_KEY);
                entries.add(new TimelineEntry(event.getSequenceNumber(), FactTypes.of(event.getPayloadType()),
                        event.getTimestamp(), worker == null ? null : worker.toString(), event.getPayload()));
            }
        }
        return Optional.of(Page.of(entries, page, size, last.get() + 1));
    }
}
