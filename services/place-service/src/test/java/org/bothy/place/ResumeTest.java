package org.bothy.place;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.place.barriers.BarrierCount;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.intake.ConsumerOffsets;
import org.bothy.place.intake.IntakeProperties;
import org.bothy.place.intake.LearningIntake;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where the intake resumes is the database's word, not Kafka's: with the group's committed offset pointing at a
 * record the database says was consumed, a restarted intake skips it and applies only what comes after.
 */
class ResumeTest extends PlaceServiceTestBase {

    private static final String THEME = "employment";
    private static final String ACTOR = "jobcentre";

    @Autowired
    LearningIntake intake;
    @Autowired
    IntakeProperties intakeProperties;
    @Autowired
    ConsumerOffsets offsets;
    @Autowired
    BarrierCounts counts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void resumesFromTheStoredOffsetsNotFromKafkasCommittedOnes() throws Exception {
        String gregor = LearningRecords.pseudonym("gregor");
        intake.stop();
        try {
            HttpResponse<String> stalled = health();
            assertThat(stalled.statusCode()).as("a stopped intake shows in health").isEqualTo(503);
            assertThat(stalled.body()).contains("DOWN");

            BarrierObserved skipped = LearningRecords.barrier("spartans", gregor, THEME, ACTOR, Instant.now());
            RecordMetadata written = LearningRecords.send(LearningRecords.record(ORG_A_TOPIC, skipped)).get(0);
            TopicPartition partition = new TopicPartition(written.topic(), written.partition());

            // Kafka's committed offset says "read it"; the database says it is already consumed.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()))) {
                admin.alterConsumerGroupOffsets(intakeProperties.groupId(),
                        Map.of(partition, new OffsetAndMetadata(written.offset()))).all().get(30, TimeUnit.SECONDS);
            }
            offsets.store(Map.of(partition, written.offset() + 1));
        } finally {
            intake.start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(health().statusCode()).isEqualTo(200));

        BarrierObserved applied = LearningRecords.barrier("spartans", gregor, THEME, ACTOR, Instant.now());
        RecordMetadata after = LearningRecords.send(LearningRecords.record(ORG_A_TOPIC, applied)).get(0);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(counts.byPattern(THEME, ACTOR)).containsExactly(new BarrierCount(THEME, ACTOR, 1, 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(offsets.all().get(new TopicPartition(after.topic(), after.partition())))
                        .isGreaterThanOrEqualTo(after.offset() + 1));
        assertThat(jdbc.queryForList("select event_id from barrier_observation where theme = ? and system_actor = ?",
                String.class, THEME, ACTOR))
                .containsExactly(applied.eventId());
    }

    private HttpResponse<String> health() throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
