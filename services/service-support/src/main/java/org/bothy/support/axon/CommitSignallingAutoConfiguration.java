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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The event store every Axon service runs on: Axon's embedded store as Axon's own auto-configuration builds it, in
 * its place, but with streaming processors woken by commits ({@link CommitSignallingEventStore}).
 */
@AutoConfiguration(
        after = IndexedEventStoreAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(name = "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore")
@ConditionalOnBean(EventStorageEngine.class)
@ConditionalOnMissingBean({EventBus.class, EventStore.class})
@EnableConfigurationProperties(EventStreamProperties.class)
public class CommitSignallingAutoConfiguration {

    @Bean
    public EventCommits eventCommits(EventStreamProperties properties) {
        return new EventCommits(properties.pollInterval());
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         EventCommits commits, EventStreamProperties properties) {
        return CommitSignallingEventStore.builder(commits, properties.readSize())
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }
}
