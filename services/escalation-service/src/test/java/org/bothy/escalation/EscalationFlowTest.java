package org.bothy.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bothy.escalation.ServiceCalls.JSON;
import static org.bothy.escalation.ServiceCalls.WAIT;
import static org.bothy.escalation.ServiceCalls.awaitApplied;
import static org.bothy.escalation.ServiceCalls.fieldsIn;
import static org.bothy.escalation.ServiceCalls.publish;
import static org.bothy.escalation.ServiceCalls.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.escalation.EscalationRaised;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.topics.Topics;
import org.bothy.kernel.webhooks.WebhookSignature;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The escalation service on a real PostgreSQL and Kafka broker: evidence signals in, candidates for the
 * place lead, and a signed webhook to the responsible body that is retried until it is acknowledged.
 */
// Its signals are v1-shaped (every count shown in full, as at a disclosure threshold of 1), so a rule of 3 people can
// be met; against a place at the consortium's threshold of 5 the rule is 5 (see DisclosedSignalsTest).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.escalation.rule.min-people=3",
        "bothy.escalation.delivery.poll-interval=100ms",
        "bothy.escalation.delivery.base-backoff=200ms",
        "bothy.escalation.delivery.max-backoff=1s",
        "spring.kafka.consumer.group-id=escalation-flow-test"})
class EscalationFlowTest {

    private static final String COUNCIL = "city-of-edinburgh-council";
    private static final String SECRET = WebhookSignature.newSecret();

    /** A statutory body's receiver that fails the first two attempts of each delivery, then acknowledges. */
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final java.util.Map<String, AtomicInteger> CALLS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final HttpServer RECEIVER = startReceiver();

    record Received(String webhookId, String timestamp, String signature, String contentType, byte[] body, boolean valid) {
    }

    private static HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/webhooks/escalations", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                var headers = exchange.getRequestHeaders();
                String id = headers.getFirst(WebhookSignature.WEBHOOK_ID);
                String timestamp = headers.getFirst(WebhookSignature.WEBHOOK_TIMESTAMP);
                String signature = headers.getFirst(WebhookSignature.WEBHOOK_SIGNATURE);
                boolean valid = WebhookSignature.verify(SECRET, id, timestamp, signature, body);
                RECEIVED.add(new Received(id, timestamp, signature, headers.getFirst("Content-Type"), body, valid));
                int calls = CALLS.computeIfAbsent(String.valueOf(id), key -> new AtomicInteger()).incrementAndGet();
                int status = calls <= 2 ? 500 : 204;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test receiver", e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_test");
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);
        registry.add("bothy.escalation.bodies." + COUNCIL + ".webhook-url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/webhooks/escalations");
        registry.add("bothy.escalation.bodies." + COUNCIL + ".webhook-secret", () -> SECRET);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.bothy.escalation.calendar.AnswerDeadlines deadlines;

    private ServiceCalls calls;

    @BeforeEach
    void setUp() {
        calls = new ServiceCalls(port);
    }

    @Test
    void aPatternBelowTheThresholdProposesNoCandidate() throws Exception {
        EvidenceSignal signal = signal("housing", "private-landlord", 2, 2);
        publish(signal);
        awaitApplied(jdbc, signal.eventId());
        assertThat(calls.openCandidatesFor("housing:private-landlord")).isEmpty();
        await().atMost(WAIT).until(() -> meters.get("bothy.consumer.lag").gauge().value() == 0.0);
    }

    @Test
    void anEscalationToABodyWithoutAnEndpointStaysRaisedAndEveryAttemptIsStored() throws Exception {
        publish(signal("physical-health", "gp", 3, 3));
        await().atMost(WAIT).until(() -> calls.openCandidatesFor("physical-health:gp").size() == 1);
        String candidateId = calls.openCandidatesFor("physical-health:gp").get(0).get("candidateId").asText();
        HttpResponse<String> accepted = calls.call("POST", "/candidates/" + candidateId + "/accept", TestIdentity.placeLead(),
                "{\"question\":\"When will GP registration stop needing proof of address?\",\"dueBy\":\""
                        + LocalDate.now(java.time.ZoneOffset.UTC).plusDays(40) + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(201);
        String escalationId = JSON.readTree(accepted.body()).get("escalationId").asText();

        // durable before any attempt: the delivery is a row written with the escalation
        assertThat(jdbc.sql("select count(*) from webhook_delivery where escalation_id = ?::uuid")
                .param(escalationId).query(Integer.class).single()).isEqualTo(1);
        await().atMost(WAIT).until(() -> calls.escalation(escalationId).get("attempts").size() >= 2);
        JsonNode escalation = calls.escalation(escalationId);
        assertThat(escalation.get("status").asText()).isEqualTo("RAISED");
        assertThat(escalation.get("body").asText()).isEqualTo("nhs-lothian");
        assertThat(escalation.get("dueBy").asText()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(40).toString());
        assertThat(escalation.get("attempts").get(0).get("error").asText()).contains("no webhook-url");
        assertThat(escalation.get("nextAttemptAt").isNull()).isFalse();
    }

    @Test
    void aPatternAboveTheThresholdProposesOneCandidateForTheResponsibleBody() throws Exception {
        EvidenceSignal first = signal("debt", "council-revenues", 3, 2);
        publish(first);
        await().atMost(WAIT).until(() -> calls.openCandidatesFor("debt:council-revenues").size() == 1);
        JsonNode candidate = calls.openCandidatesFor("debt:council-revenues").get(0);
        assertThat(candidate.get("body").asText()).isEqualTo(COUNCIL);
        assertThat(candidate.get("theme").asText()).isEqualTo("debt");
        assertThat(candidate.get("systemActor").asText()).isEqualTo("council-revenues");
        assertThat(candidate.get("status").asText()).isEqualTo("OPEN");

        // the same record again (redelivery) and a later signal with more people: still one candidate, newer counts
        publish(first);
        EvidenceSignal later = signal("debt", "council-revenues", 5, 3);
        publish(later);
        awaitApplied(jdbc, later.eventId());
        List<JsonNode> candidates = calls.openCandidatesFor("debt:council-revenues");
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).get("candidateId").asText()).isEqualTo(candidate.get("candidateId").asText());
        assertThat(candidates.get(0).get("people").asInt()).isEqualTo(5);
        assertThat(candidates.get(0).get("organisations").asInt()).isEqualTo(3);
    }

    @Test
    void aRecordThatIsNotAContractIsSkippedAndCountedAndIntakeGoesOn() throws Exception {
        double rejectedBefore = rejected();
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.PLACE_EVIDENCE, "mental-health:gp",
                    "{not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        }
        EvidenceSignal valid = signal("mental-health", "gp", 4, 2);
        publish(valid);
        await().atMost(WAIT).until(() -> calls.openCandidatesFor("mental-health:gp").size() == 1);
        assertThat(calls.openCandidatesFor("mental-health:gp").get(0).get("body").asText()).isEqualTo("nhs-lothian");
        assertThat(rejected()).isGreaterThanOrEqualTo(rejectedBefore + 1);
    }

    @Test
    void onlyAPlaceLeadMayListOrDecideCandidates() throws Exception {
        String anyId = UUID.randomUUID().toString();
        assertThat(calls.call("GET", "/candidates", null, null).statusCode()).isEqualTo(401);
        assertThat(calls.call("GET", "/candidates", TestIdentity.worker("fresh-start"), null).statusCode()).isEqualTo(403);
        assertThat(calls.call("POST", "/candidates/" + anyId + "/accept", TestIdentity.worker("fresh-start"),
                "{\"question\":\"Why?\"}").statusCode()).isEqualTo(403);
        assertThat(calls.call("GET", "/escalations", TestIdentity.statutory(COUNCIL), null).statusCode()).isEqualTo(403);
        assertThat(calls.call("GET", "/escalations", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void decidingACandidateThatDoesNotExistIsAnswered() throws Exception {
        HttpResponse<String> unknown = calls.call("POST", "/candidates/" + UUID.randomUUID() + "/accept", TestIdentity.placeLead(),
                "{\"question\":\"Will you act?\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(calls.call("GET", "/escalations/" + UUID.randomUUID(), TestIdentity.placeLead(), null).statusCode()).isEqualTo(404);
        HttpResponse<String> notAnId = calls.call("POST", "/candidates/not-an-id/dismiss", TestIdentity.placeLead(),
                "{\"reason\":\"no\"}");
        assertThat(notAnId.statusCode()).isEqualTo(400);
    }

    @Test
    void aDismissedCandidateLeavesTheOpenListAndNeedsAReason() throws Exception {
        publish(signal("welfare-benefits", "universal-credit", 6, 3));
        await().atMost(WAIT).until(() -> calls.openCandidatesFor("welfare-benefits:universal-credit").size() == 1);
        String id = calls.openCandidatesFor("welfare-benefits:universal-credit").get(0).get("candidateId").asText();

        HttpResponse<String> noReason = calls.call("POST", "/candidates/" + id + "/dismiss", TestIdentity.placeLead(), "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fieldsIn(noReason)).containsExactly("reason");

        assertThat(calls.call("POST", "/candidates/" + id + "/dismiss", TestIdentity.placeLead(),
                "{\"reason\":\"DWP already reviewing this locally\"}").statusCode()).isEqualTo(200);
        assertThat(calls.openCandidatesFor("welfare-benefits:universal-credit")).isEmpty();
        assertThat(calls.call("POST", "/candidates/" + id + "/accept", TestIdentity.placeLead(),
                "{\"question\":\"Will you act?\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void anAcceptedCandidateIsDeliveredToTheBodySignedAndRetriedUntilAcknowledged() throws Exception {
        publish(signal("housing", "council-housing", 4, 2));
        await().atMost(WAIT).until(() -> calls.openCandidatesFor("housing:council-housing").size() == 1);
        String candidateId = calls.openCandidatesFor("housing:council-housing").get(0).get("candidateId").asText();
        String accept = "/candidates/" + candidateId + "/accept";

        HttpResponse<String> bad = calls.call("POST", accept, TestIdentity.placeLead(), "{\"question\":\" \",\"dueBy\":\"soon\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fieldsIn(bad)).containsExactlyInAnyOrder("question", "dueBy");
        assertThat(calls.openCandidatesFor("housing:council-housing")).hasSize(1);

        String question = "What will the council change so that repairs are done before tenancies fail?";
        HttpResponse<String> accepted = calls.call("POST", accept, TestIdentity.placeLead(), "{\"question\":\"" + question + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(201);
        String escalationId = JSON.readTree(accepted.body()).get("escalationId").asText();
        assertThat(calls.call("POST", accept, TestIdentity.placeLead(), "{\"question\":\"again\"}").statusCode()).isEqualTo(409);
        assertThat(calls.openCandidatesFor("housing:council-housing")).isEmpty();

        await().atMost(WAIT).until(() -> "DELIVERED".equals(calls.escalation(escalationId).get("status").asText()));
        JsonNode escalation = calls.escalation(escalationId);
        assertThat(escalation.get("body").asText()).isEqualTo(COUNCIL);
        assertThat(escalation.get("question").asText()).isEqualTo(question);
        assertThat(LocalDate.parse(escalation.get("dueBy").asText())).as("20 working days on the Edinburgh calendar")
                .isEqualTo(deadlines.defaultDueBy(Instant.parse(escalation.get("raisedAt").asText())));
        assertThat(escalation.get("people").asInt()).isEqualTo(4);
        assertThat(escalation.get("peopleShown").asText()).as("as the body is shown it").isEqualTo("<5");
        JsonNode attempts = escalation.get("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).get("outcome").asText()).isEqualTo("FAILED");
        assertThat(attempts.get(1).get("statusCode").asInt()).isEqualTo(500);
        assertThat(attempts.get(2).get("statusCode").asInt()).isEqualTo(204);
        assertThat(attempts.get(2).get("outcome").asText()).isEqualTo("DELIVERED");

        assertThat(RECEIVED).hasSize(3);
        assertThat(RECEIVED).allSatisfy(received -> {
            assertThat(received.valid()).as("signature verifies").isTrue();
            assertThat(received.contentType()).isEqualTo("application/cloudevents+json");
        });
        assertThat(RECEIVED.stream().map(Received::webhookId).distinct()).hasSize(1);
        EscalationRaised contract = (EscalationRaised) ContractCodec.standard().fromStructuredJson(RECEIVED.get(2).body());
        assertThat(contract.eventId()).isEqualTo(RECEIVED.get(0).webhookId());
        assertThat(contract.escalationId()).isEqualTo(escalationId);
        assertThat(contract.body()).isEqualTo(COUNCIL);
        assertThat(contract.question()).isEqualTo(question);
        // 4 people, shown in full by a v1-shaped signal, reach the body only after disclosure control
        assertThat(contract.peopleShown()).isEqualTo("<5");

        assertThat(meters.counter("bothy.webhook.attempts", "body", COUNCIL, "outcome", "refused").count()).isEqualTo(2);
        assertThat(meters.counter("bothy.webhook.attempts", "body", COUNCIL, "outcome", "delivered").count()).isEqualTo(1);
        assertThat(meters.timer("bothy.escalation.delivery.latency").count()).isEqualTo(1);
        assertThat(calls.call("GET", "/escalations", TestIdentity.placeLead(), null).body()).contains(escalationId);
    }

    private double rejected() {
        var counter = meters.find("bothy.intake.rejected").counter();
        return counter == null ? 0 : counter.count();
    }
}
