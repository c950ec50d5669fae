package org.bothy.place;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.evidence.DisclosedCount;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.topics.Topics;
import org.bothy.place.barriers.BarrierCount;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.intake.ConsumerOffsets;
import org.bothy.testsupport.RealKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The intake on real Kafka and PostgreSQL: people are counted once however often they are seen, a redelivered event
 * changes nothing, a partner topic that appears later is read without a restart, the stored offsets are where Kafka
 * ends, and an evidence signal with the new counts is published.
 */
class IntakeTest extends PlaceServiceTestBase {

    private static final String THEME = "housing";
    private static final String ACTOR = "council-housing";

    @Autowired
    BarrierCounts counts;
    @Autowired
    ConsumerOffsets offsets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void countsDistinctPeopleAcrossPartnersOnceEachAndPublishesTheEvidence() throws Exception {
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("org-b's topic must not exist before the service started")
                    .doesNotContain(ORG_B_TOPIC);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String ailsa = LearningRecords.pseudonym("ailsa");
        String brodie = LearningRecords.pseudonym("brodie");
        String callum = LearningRecords.pseudonym("callum");
        BarrierObserved ailsaFirst = LearningRecords.barrier("fresh-start", ailsa, THEME, ACTOR, now.minus(3, ChronoUnit.DAYS));
        BarrierObserved ailsaAgain = LearningRecords.barrier("fresh-start", ailsa, THEME, ACTOR, now.minus(2, ChronoUnit.DAYS));
        Instant longAgo = now.minus(100, ChronoUnit.DAYS);
        BarrierObserved brodieLongAgo = LearningRecords.barrier("fresh-start", brodie, THEME, ACTOR, longAgo);
        BarrierObserved callumAtMoveOn = LearningRecords.barrier("move-on", callum, THEME, ACTOR, now.minus(1, ChronoUnit.DAYS));
        JourneyOpened callumOpened = LearningRecords.journey("move-on", callum, now.minus(1, ChronoUnit.DAYS));

        LearningRecords.send(
                LearningRecords.record(ORG_A_TOPIC, ailsaFirst),
                LearningRecords.record(ORG_A_TOPIC, ailsaAgain),
                LearningRecords.record(ORG_A_TOPIC, brodieLongAgo));
        // A partner joining while the service runs: its topic is created now and must be found by the pattern.
        RealKafka.createTopics(ORG_B_TOPIC);
        LearningRecords.send(
                LearningRecords.record(ORG_B_TOPIC, callumOpened),
                LearningRecords.record(ORG_B_TOPIC, callumAtMoveOn),
                // At-least-once delivery: the same event id arrives twice.
                LearningRecords.record(ORG_B_TOPIC, callumAtMoveOn));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(counts.byPattern(THEME, ACTOR)).containsExactly(new BarrierCount(THEME, ACTOR, 3, 2)));

        assertThat(jdbc.queryForObject(
                "select count(*) from barrier_observation where theme = ? and system_actor = ?", Long.class, THEME, ACTOR))
                .as("four distinct events, one of them delivered twice")
                .isEqualTo(4L);
        assertThat(jdbc.queryForObject("select count(*) from journey where event_id = ?", Long.class, callumOpened.eventId()))
                .isEqualTo(1L);

        assertStoredOffsetsEqualKafkaEnds(Set.of(ORG_A_TOPIC, ORG_B_TOPIC));
        assertEvidenceTopicIsCompacted();
        assertLatestSignal(longAgo, callumAtMoveOn.occurredAt());
        assertMetrics();
    }

    private void assertStoredOffsetsEqualKafkaEnds(Set<String> topics) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values().stream()
                    .flatMap(description -> description.partitions().stream()
                            .map(info -> new TopicPartition(description.name(), info.partition())))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .filter(end -> end.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            assertThat(ends).isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, Long> stored = offsets.all().entrySet().stream()
                        .filter(entry -> topics.contains(entry.getKey().topic()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                assertThat(stored).isEqualTo(ends);
            });
        }
    }

    private void assertEvidenceTopicIsCompacted() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PLACE_EVIDENCE);
        try (Admin admin = admin()) {
            Config config = admin.describeConfigs(Set.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    private void assertLatestSignal(Instant firstSeen, Instant lastSeen) {
        String key = EvidenceSignal.patternKey(THEME, ACTOR);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = RealKafka.readAll(Topics.PLACE_EVIDENCE, Duration.ofSeconds(10));
            List<ConsumerRecord<String, byte[]>> forPattern = records.stream().filter(r -> key.equals(r.key())).toList();
            assertThat(forPattern).isNotEmpty();
            ConsumerRecord<String, byte[]> last = forPattern.get(forPattern.size() - 1);
            assertThat(new String(last.headers().lastHeader("ce_source").value())).isEqualTo("/bothy/place");
            EvidenceSignal signal = (EvidenceSignal) ContractCodec.standard().fromRecord(last);
            assertThat(signal.patternKey()).isEqualTo(key);
            // Three people is a small number: published as "<5" with no value; organisations are shown as they are.
            assertThat(signal.disclosureThreshold()).isEqualTo(5);
            assertThat(signal.people()).isEqualTo(DisclosedCount.small(5));
            assertThat(signal.organisations()).isEqualTo(DisclosedCount.of(2));
            // Brodie's barrier was 100 days ago: outside the 30 and 90 day windows, inside the year.
            assertThat(signal.windows()).containsExactly(
                    new WindowCount(30, DisclosedCount.small(5), DisclosedCount.of(2)),
                    new WindowCount(90, DisclosedCount.small(5), DisclosedCount.of(2)),
                    new WindowCount(365, DisclosedCount.small(5), DisclosedCount.of(2)));
            assertThat(signal.firstSeen()).isEqualTo(firstSeen);
            assertThat(signal.lastSeen()).isEqualTo(lastSeen);
        });
    }

    private void assertMetrics() throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .as("latency as a histogram and lag per topic, scraped as Prometheus would")
                .contains("bothy_projection_latency_seconds_bucket{")
                .contains("bothy_consumer_lag{")
                .contains("bothy_intake_delivery_seconds_bucket{")
                .contains("bothy_intake_committed_seconds_bucket{")
                .contains("bothy_intake_apply_seconds_bucket{")
                .contains("topic=\"" + ORG_B_TOPIC + "\"");
        assertThat(meters.find("bothy.projection.latency").timers().stream().mapToLong(Timer::count).sum())
                .isGreaterThanOrEqualTo(5);
        Timer delivery = meters.find("bothy.intake.delivery").timer();
        Timer committed = meters.find("bothy.intake.committed").timer();
        assertThat(delivery.count()).as("every record read is timed from its send").isGreaterThanOrEqualTo(5);
        assertThat(committed.count()).isEqualTo(delivery.count());
        assertThat(committed.totalTime(TimeUnit.NANOSECONDS))
                .as("a record is committed no sooner than it is read")
                .isGreaterThanOrEqualTo(delivery.totalTime(TimeUnit.NANOSECONDS));
        assertThat(meters.find("bothy.intake.apply").timer().count()).as("one sample per poll applied")
                .isBetween(1L, delivery.count());
        Timer moveOn = meters.find("bothy.projection.latency").tag("organisation", "move-on").timer();
        assertThat(moveOn).as("latency tagged by the partner organisation").isNotNull();
        assertThat(moveOn.count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.find("bothy.consumer.lag").tag("topic", ORG_B_TOPIC).gauge())
                .as("a lag gauge for the topic that appeared later")
                .isNotNull();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()));
    }
}
