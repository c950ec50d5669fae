package org.bothy.escalation.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bothy.escalation.ServiceCalls.JSON;
import static org.bothy.escalation.ServiceCalls.WAIT;
import static org.bothy.escalation.ServiceCalls.awaitApplied;
import static org.bothy.escalation.ServiceCalls.placeSignal;
import static org.bothy.escalation.ServiceCalls.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.contract.evidence.CountDisclosure;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.SharedLearning;
import org.bothy.escalation.ServiceCalls;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Evidence signals v2 on a real PostgreSQL and Kafka broker: the default rule (5 people across 2 organisations in 90
 * days) decides on the counts the place showed, so "<5" proposes nothing; a candidate shows the counts as published
 * and the pattern's shared learning, and its evidence pack quotes that learning; a v1 signal is still read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=escalation-disclosed-signals-test")
class DisclosedSignalsTest {

    private static final CountDisclosure AT_FIVE = new CountDisclosure(5);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_disclosed_test");
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ServiceCalls calls;

    @BeforeEach
    void setUp() {
        calls = new ServiceCalls(port);
    }

    @Test
    void aSuppressedCountProposesNothingAndAShownOneProposesACandidateWithTheSharedLearning() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // A pattern no other test publishes: every test context reads the whole evidence topic.
        String key = EvidenceSignal.patternKey("physical-health", "police");
        // 3 people in 90 days across 2 organisations: "<5" could be 1, so the rule of 5 is not met.
        EvidenceSignal small = signal(now.minusSeconds(60), new long[] {2, 3, 3, 3}, List.of());
        publish(small);
        awaitApplied(jdbc, small.eventId());
        assertThat(calls.openCandidatesFor(key)).isEmpty();

        // Later: 2 in 30 days, 7 in 90, 9 in the year and in all. The year and the total are 2 above the 7 shown, so
        // the place hid them; the 90 days shown is enough.
        SharedLearning older = new SharedLearning("move-on", LocalDate.parse("2026-09-01"),
                "A letter from the worker asking for a hold on recovery was answered in ten days.");
        SharedLearning newer = new SharedLearning("fresh-start", LocalDate.parse("2026-11-02"),
                "Booking the council tax appointment together stopped the arrestment letters.");
        EvidenceSignal shown = signal(now, new long[] {2, 7, 9, 9}, List.of(newer, older));
        assertThat(shown.people().shown()).isEqualTo("*");
        publish(shown);
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(key).size() == 1);
        JsonNode candidate = calls.openCandidatesFor(key).get(0);
        assertThat(candidate.get("people").asInt()).isEqualTo(7);
        assertThat(candidate.get("peopleShown").asText()).isEqualTo("7");
        JsonNode evidence = candidate.get("evidence");
        assertThat(evidence.get("peopleShown").asText()).isEqualTo("7");
        // The trend keeps each signal's total as published, and the least it can be.
        assertThat(evidence.get("trend")).hasSize(2);
        assertThat(evidence.get("trend").get(0).get("peopleShown").asText()).isEqualTo("<5");
        assertThat(evidence.get("trend").get(1).get("peopleShown").asText()).isEqualTo("*");
        assertThat(evidence.get("trend").get(1).get("people").asInt()).isEqualTo(7);
        assertThat(evidence.get("learning")).hasSize(2);
        assertThat(evidence.get("learning").get(0).get("organisation").asText()).isEqualTo("fresh-start");
        assertThat(evidence.get("learning").get(0).get("concludedOn").asText()).isEqualTo("2026-11-02");
        assertThat(evidence.get("learning").get(0).get("summary").asText()).isEqualTo(newer.summary());
        assertThat(evidence.get("learning").get(1).get("summary").asText()).isEqualTo(older.summary());

        // Accepted, its evidence pack quotes the same learning and prints hidden counts as the place showed them.
        String escalationId = calls.accept(candidate.get("candidateId").asText(),
                "Will officers refer young people to the partners before charging?");
        HttpResponse<String> pack = calls.call("GET", "/escalations/" + escalationId + "/pack.json", TestIdentity.placeLead(), null);
        assertThat(pack.statusCode()).isEqualTo(200);
        JsonNode packJson = JSON.readTree(pack.body());
        List<String> summaries = new ArrayList<>();
        packJson.get("learningSummaries").forEach(learning -> summaries.add(learning.get("summary").asText()));
        assertThat(summaries).containsExactly(newer.summary(), older.summary());
        List<String> trend = new ArrayList<>();
        packJson.get("trend").forEach(point -> trend.add(point.get("days").asInt() + ":" + point.get("people").asText()));
        assertThat(trend).containsExactly("30:<5", "90:7", "365:*");
    }

    @Test
    void aV1SignalIsStillReadAsCountsShownInFull() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String key = EvidenceSignal.patternKey("justice", "social-work");
        String v1 = """
                {"eventId":"%s","occurredAt":"%s","patternKey":"%s","theme":"justice","systemActor":"social-work",
                 "people":6,"organisations":2,"windows":[{"days":90,"people":6,"organisations":2}],
                 "firstSeen":"2026-01-05T10:00:00Z","lastSeen":"2026-02-05T10:00:00Z"}"""
                .formatted(eventId, Instant.now().truncatedTo(ChronoUnit.MILLIS), key);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PLACE_EVIDENCE, key, v1.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(eventId))
                .add("ce_type", bytes("org.bothy.evidence.EvidenceSignal.v1"))
                .add("ce_source", bytes("/bothy/place"))
                .add("ce_subject", bytes(key))
                .add("content-type", bytes("application/json"));
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            producer.send(record).get();
        }
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(key).size() == 1);
        JsonNode candidate = calls.openCandidatesFor(key).get(0);
        assertThat(candidate.get("people").asInt()).isEqualTo(6);
        assertThat(candidate.get("peopleShown").asText()).isEqualTo("6");
        assertThat(candidate.get("evidence").get("learning")).isEmpty();
    }

    /** A v2 signal as a place at threshold 5 publishes it: people in 30, 90 and 365 days and in all, 2 organisations. */
    private static EvidenceSignal signal(Instant at, long[] people, List<SharedLearning> learning) {
        return placeSignal("physical-health", "police", at, AT_FIVE.nested(people), 2, learning);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
