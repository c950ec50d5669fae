package org.bothy.escalation.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.bothy.kernel.topics.Topics;
import org.bothy.support.kafka.IntakeSetup;
import org.bothy.support.kafka.TopicIntake;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads {@code bothy.place.evidence} and hands each record to {@link SignalRecorder}. Positions live in
 * PostgreSQL with the rows (Kafka's committed offsets are not used), so on every assignment the consumer
 * seeks to what the database says was applied.
 */
@Component
public class EvidenceIntake extends TopicIntake {

    static final String TOPIC = Topics.PLACE_EVIDENCE;
    private static final String DEFAULT_GROUP = "bothy-escalation";
    private static final Duration LAG_REFRESH = Duration.ofSeconds(2);

    public EvidenceIntake(ConsumerFactory<?, ?> consumers, SignalRecorder recorder, IntakeOffsets offsets,
                          MeterRegistry meters) {
        super(IntakeSetup.named("evidence-intake")
                .topics(List.of(TOPIC))
                .consumer(consumers, group(consumers), null, Map.of())
                .resumeFrom(offsets::positions)
                .eachRecord(recorder::apply)
                .lag(LAG_REFRESH, lagGauge(meters)));
    }

    private static String group(ConsumerFactory<?, ?> consumers) {
        // spring.kafka.consumer.group-id where it is set
        Object configured = consumers.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
        return configured == null ? DEFAULT_GROUP : configured.toString();
    }

    private static java.util.function.Consumer<Map<String, Long>> lagGauge(MeterRegistry meters) {
        AtomicLong lag = new AtomicLong();
        Gauge.builder("bothy.consumer.lag", lag, AtomicLong::get)
                .description("evidence signals on the topic not yet applied")
                .tag("topic", TOPIC)
                .register(meters);
        return byTopic -> lag.set(byTopic.values().stream().mapToLong(Long::longValue).sum());
    }
}
