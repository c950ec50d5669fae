package org.bothy.support.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;

/**
 * Axon's message monitors, with their meters made once per component instead of looked up for every message.
 *
 * <p>axon-micrometer's monitors find or register each of their timers, counters and gauges in the registry for every
 * message on every component: the command bus, the event bus and each event processor, the subscribing ones included
 * (each counts every event it ignores). In the partner benchmark that was about a seventh of the service's CPU per
 * command. These count and time the same things on the hot path with a field increment each:
 * <ul>
 *   <li>{@code bothy.axon.processor.events{processor, outcome=handled|failed|ignored}}: events each event processor
 *       took in, by what became of them;</li>
 *   <li>{@code bothy.axon.processor.age{processor}}: how long before the processor took in its latest event that event
 *       was stored, in ms: how far behind the store it runs (Axon's "latency");</li>
 *   <li>{@code bothy.axon.commands{outcome=handled|failed}}: commands the command bus dispatched.</li>
 * </ul>
 * The event bus and query bus get none (the store's writes are counted by the commands that make them).
 */
final class AxonMeters {

    private AxonMeters() {
    }

    /** The monitor for one component, as Axon asks for it by type and name. */
    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, Clock clock, Class<?> componentType,
            String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new Processor(registry, clock, componentName);
        }
        if (CommandBus.class.isAssignableFrom(componentType)) {
            return new Outcomes(registry, "bothy.axon.commands", "commands the command bus dispatched");
        }
        return NoOpMessageMonitor.INSTANCE;
    }

    /** Counts by outcome; one callback serves every message, as it holds nothing of any. */
    static class Outcomes implements MessageMonitor<Message<?>>, MessageMonitor.MonitorCallback {

        private final Counter handled;
        private final Counter failed;
        private final Counter ignored;

        Outcomes(MeterRegistry registry, String name, String description, String... tags) {
            this.handled = counter(registry, name, description, "handled", tags);
            this.failed = counter(registry, name, description, "failed", tags);
            this.ignored = counter(registry, name, description, "ignored", tags);
        }

        private static Counter counter(MeterRegistry registry, String name, String description, String outcome,
                String... tags) {
            return Counter.builder(name).description(description).tags(tags).tag("outcome", outcome)
                    .register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            return this;
        }

        @Override
        public void reportSuccess() {
            handled.increment();
        }

        @Override
        public void reportFailure(Throwable cause) {
            failed.increment();
        }

        @Override
        public void reportIgnored() {
            ignored.increment();
        }
    }

    /** An event processor's outcomes and how old its latest event was when it took it in. */
    static final class Processor extends Outcomes {

        private final Clock clock;
        private final AtomicLong ageMillis = new AtomicLong();

        Processor(MeterRegistry registry, Clock clock, String processor) {
            super(registry, "bothy.axon.processor.events", "events the processor took in, by what became of them",
                    "processor", processor);
            this.clock = clock;
            Gauge.builder("bothy.axon.processor.age", ageMillis, AtomicLong::get)
                    .description("how long before the processor took in its latest event that event was stored")
                    .baseUnit("milliseconds").tag("processor", processor).register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            if (message instanceof EventMessage<?> event) {
                ageMillis.set(Math.max(0, clock.millis() - event.getTimestamp().toEpochMilli()));
            }
            return this;
        }
    }
}
