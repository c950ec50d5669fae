package org.bothy.support.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The event store every Axon service runs on: Axon's embedded store as Axon's own auto-configuration builds it, in
 * its place, but with streaming processors woken by commits ({@link CommitSignallingEventStore}).
 * {@code bothy.axon.event-stream.signal-commits=false} leaves Axon's own store, whose processors poll, in place.
 */
@AutoConfiguration(
        after = IndexedEventStoreAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore")
@ConditionalOnBean(EventStorageEngine.class)
@ConditionalOnMissingBean({EventBus.class, EventStore.class})
@ConditionalOnProperty(name = "bothy.axon.event-stream.signal-commits", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EventStreamProperties.class)
public class CommitSignallingAutoConfiguration {

    @Bean
    public EventCommits eventCommits(EventStreamProperties properties) {
        return new EventCommits(properties.pollInterval());
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         EventCommits commits) {
        return CommitSignallingEventStore.builder(commits)
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }
}
