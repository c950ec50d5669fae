package org.bothy.partner.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bothy.partner.PartnerOrganisation;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code bothy.publisher.lag}: how many events are stored but not yet acknowledged by Kafka, measured as
 * the head of the event store's global index minus the publisher's token position.
 */
@Component
public class PublisherLag {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processors;

    public PublisherLag(EventStore eventStore, EventProcessingConfiguration processors, PartnerOrganisation organisation,
                        MeterRegistry meters) {
        this.eventStore = eventStore;
        this.processors = processors;
        Gauge.builder("bothy.publisher.lag", this, PublisherLag::events)
                .description("events stored but not yet acknowledged by Kafka")
                .tag("organisation", organisation.code())
                .strongReference(true)
                .register(meters);
    }

    /** The lag now; NaN while this instance holds no segment of the publisher, since it then cannot know. */
    public double events() {
        long head = position(eventStore.createHeadToken()).orElse(0L);
        Map<Integer, EventTrackerStatus> segments = processors
                .eventProcessor(LearningPublisher.PROCESSOR, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        // the slowest segment decides: everything after its position may still be unacknowledged
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : segments.values()) {
            // a segment with no token yet has acknowledged nothing
            slowest = Math.min(slowest, status.getCurrentPosition().orElse(0L));
        }
        return Math.max(0L, head - slowest);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
