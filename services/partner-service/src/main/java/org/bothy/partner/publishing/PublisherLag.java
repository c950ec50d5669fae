package org.bothy.partner.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
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

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final EventStore eventStore;
    private final EventProcessingConfiguration processors;
    private final AtomicLong lastKnownPosition = new AtomicLong(UNKNOWN);

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

    /**
     * The lag now. While the publisher holds no segment (between a failed batch and its retry) the last position
     * it reported stands, since nothing has been acknowledged since; NaN before it has reported any.
     */
    public double events() {
        long head = position(eventStore.createHeadToken()).orElse(0L);
        Map<Integer, EventTrackerStatus> segments = processors
                .eventProcessor(LearningPublisher.PROCESSOR, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        if (!segments.isEmpty()) {
            // the slowest segment decides: everything after its position may still be unacknowledged;
            // a segment with no token yet has acknowledged nothing
            lastKnownPosition.set(segments.values().stream()
                    .mapToLong(status -> status.getCurrentPosition().orElse(0L))
                    .min().orElseThrow());
        }
        long acknowledged = lastKnownPosition.get();
        return acknowledged == UNKNOWN ? Double.NaN : Math.max(0L, head - acknowledged);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
