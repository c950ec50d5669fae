package org.bothy.place.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far behind the partners' topics the place is: records not yet projected per topic, and the time from an event
 * happening at a partner to its projection being committed here.
 */
@Component
public class IntakeMetrics {

    private final MeterRegistry meters;
    private final Timer latency;
    private final Map<String, AtomicLong> lagByTopic = new ConcurrentHashMap<>();

    public IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.latency = Timer.builder("bothy.projection.latency")
                .description("From a learning event's occurredAt to its projection committed at the place")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
    }

    /** Records the latency of events whose projection committed at {@code committedAt}. */
    public void projected(Iterable<Instant> occurredAt, Instant committedAt) {
        for (Instant at : occurredAt) {
            Duration elapsed = Duration.between(at, committedAt);
            // A partner's clock a little ahead of ours must not produce a negative sample.
            latency.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
        }
    }

    /** Sets the lag of every topic the intake reads; a topic missing from {@code lag} has none left here. */
    public void lag(Map<String, Long> lag) {
        lag.forEach((topic, behind) -> gauge(topic).set(behind));
        lagByTopic.forEach((topic, value) -> {
            if (!lag.containsKey(topic)) {
                value.set(0);
            }
        });
    }

    private AtomicLong gauge(String topic) {
        return lagByTopic.computeIfAbsent(topic, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("bothy.consumer.lag", value, AtomicLong::doubleValue)
                    .description("Learning records behind the end offsets, summed over this instance's partitions")
                    .tag("topic", name)
                    .register(meters);
            return value;
        });
    }
}
