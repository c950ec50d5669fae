package org.bothy.support.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How streaming processors read the event store ({@link CommitSignallingEventStore}).
 *
 * @param pollInterval how often a stream looks for events without being told of a commit: events another instance
 *                     of the service appended (this instance's own commits wake it at once); 0 never looks
 * @param signalCommits false leaves Axon's own embedded event store in place, whose processors poll for events
 */
@ConfigurationProperties("bothy.axon.event-stream")
public record EventStreamProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("true") boolean signalCommits) {
}
