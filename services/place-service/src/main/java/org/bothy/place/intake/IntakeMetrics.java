package org.bothy.place.intake;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.Organisation;
import org.bothy.kernel.contract.ContractEvent;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * How far behind the partners' topics the place is: records not yet projected per topic, the time from an event
 * happening at a partner to its projection being committed here, and where that time goes between a partner's send
 * and the commit (in Kafka until the intake reads it, then in the intake's transaction).
 */
@Component
public class IntakeMetrics {

    private static final String OTHER = "other";

    private final MeterRegistry meters;
    private final Set<String> organisations;
    private final Map<String, AtomicLong> lagByTopic = new ConcurrentHashMap<>();
    private final Timer delivery;
    private final Timer sentToCommitted;
    private final Timer apply;
    private final DistributionSummary pollSize;

    public IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.organisations = Codes.northEdinburgh().organisations().stream().map(Organisation::code).collect(Collectors.toSet());
        this.delivery = histogram(Timer.builder("bothy.intake.delivery")
                .description("From a record's timestamp (its producer's send) to the intake's poll that read it"));
        this.sentToCommitted = histogram(Timer.builder("bothy.intake.committed")
                .description("From a record's timestamp (its producer's send) to the commit of the poll that read it"));
        this.apply = histogram(Timer.builder("bothy.intake.apply")
                .description("From a poll's return to the commit of what it read, per poll"));
        this.pollSize = DistributionSummary.builder("bothy.intake.poll.records")
                .description("Records in each poll the intake applied")
                .register(meters);
    }

    private Timer histogram(Timer.Builder timer) {
        return timer.publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
    }

    /**
     * Records where one poll's time went: each record from its timestamp to {@code readAt} (when the poll returned)
     * and to {@code committedAt}, and the poll from one to the other.
     */
    public void polled(ConsumerRecords<String, byte[]> records, Instant readAt, Instant committedAt) {
        long read = readAt.toEpochMilli();
        long committed = committedAt.toEpochMilli();
        for (ConsumerRecord<String, byte[]> record : records) {
            // A producer's clock a little ahead of ours must not produce a negative sample.
            delivery.record(Math.max(0, read - record.timestamp()), TimeUnit.MILLISECONDS);
            sentToCommitted.record(Math.max(0, committed - record.timestamp()), TimeUnit.MILLISECONDS);
        }
        apply.record(Duration.between(readAt, committedAt));
        pollSize.record(records.count());
    }

    /** Records, per organisation, the latency of events whose projection committed at {@code committedAt}. */
    public void projected(List<ContractEvent> projected, Instant committedAt) {
        for (ContractEvent event : projected) {
            Duration elapsed = Duration.between(event.occurredAt(), committedAt);
            // A partner's clock a little ahead of ours must not produce a negative sample.
            latency(PartnerEvents.organisation(event)).record(elapsed.isNegative() ? Duration.ZERO : elapsed);
        }
    }

    private Timer latency(String organisation) {
        // Tags only from the code list, so a stray value cannot multiply the series.
        String tag = organisations.contains(organisation) ? organisation : OTHER;
        return Timer.builder("bothy.projection.latency")
                .description("From a learning event's occurredAt to its projection committed at the place")
                .tag("organisation", tag)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
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
