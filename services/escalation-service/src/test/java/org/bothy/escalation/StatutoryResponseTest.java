package org.bothy.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A statutory body answers its own escalations (and only its own) on a real PostgreSQL and Kafka; each answer is
 * on the place leads' record, and the due date is a durable deadline in the database that fires when due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=escalation-statutory-test")
class StatutoryResponseTest {

    private static final String COUNCIL = "city-of-edinburgh-council";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_statutory_test");
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theBodyAcknowledgesCommitsAndReportsAChangeAndThePlaceSeesItAllAndClosesWithAVerdict() throws Exception {
        String id = escalate("education", "council-revenues", "What will the council change about school exclusions without support?");
        String base = "/statutory/" + COUNCIL + "/escalations/" + id;
        String council = TestIdentity.statutory(COUNCIL);

        HttpResponse<String> mine = call("GET", "/statutory/" + COUNCIL + "/escalations", council, null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(id);

        assertThat(call("POST", base + "/acknowledge", council, null).statusCode()).isEqualTo(200);
        assertThat(placeView(id).get("status").asText()).isEqualTo("ACKNOWLEDGED");

        HttpResponse<String> bad = call("POST", base + "/responses", council, "{\"kind\":\"COMMITTED\",\"commitBy\":\"someday\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(fieldsIn(bad)).containsExactlyInAnyOrder("change", "commitBy");
        assertThat(placeView(id).get("response").isNull()).as("nothing stored").isTrue();

        String commitBy = LocalDate.now().plusMonths(3).toString();
        HttpResponse<String> committed = call("POST", base + "/responses", council,
                "{\"kind\":\"COMMITTED\",\"change\":\"Repairs triaged within 5 days\",\"commitBy\":\"" + commitBy + "\"}");
        assertThat(committed.statusCode()).isEqualTo(201);
        assertThat(call("POST", base + "/responses", council, "{\"kind\":\"DECLINED\",\"reasons\":\"no\"}").statusCode())
                .as("a final answer is final").isEqualTo(409);

        HttpResponse<String> change = call("POST", base + "/changes", council,
                "{\"description\":\"Repair triage team in place\",\"madeOn\":\"" + LocalDate.now() + "\"}");
        assertThat(change.statusCode()).isEqualTo(201);

        JsonNode view = placeView(id);
        assertThat(view.get("status").asText()).isEqualTo("CHANGE_REPORTED");
        assertThat(view.get("response").get("kind").asText()).isEqualTo("COMMITTED");
        assertThat(view.get("response").get("commitBy").asText()).isEqualTo(commitBy);
        assertThat(view.get("response").get("late").asBoolean()).isFalse();
        assertThat(view.get("commitmentKept").asBoolean()).isTrue();
        List<String> kinds = new ArrayList<>();
        view.get("history").forEach(entry -> kinds.add(entry.get("kind").asText()));
        assertThat(kinds).containsExactly("RAISED", "ACKNOWLEDGED", "RESPONDED_COMMITTED", "CHANGE_REPORTED");
        assertThat(view.get("history").get(2).get("detail").get("change").asText()).isEqualTo("Repairs triaged within 5 days");

        assertThat(call("POST", "/escalations/" + id + "/close", TestIdentity.placeLead(), "{\"verdict\":\"maybe\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> closed = call("POST", "/escalations/" + id + "/close", TestIdentity.placeLead(),
                "{\"verdict\":\"PATTERN_FELL\",\"note\":\"No repair-related evictions for two quarters\"}");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).get("verdict").asText()).isEqualTo("PATTERN_FELL");
        assertThat(call("POST", base + "/acknowledge", council, null).statusCode()).isEqualTo(409);
    }

    @Test
    void anotherBodysTokenIsRefused() throws Exception {
        String id = escalate("digital-exclusion", "council-housing", "Why can housing repairs only be reported online?");
        String nhs = TestIdentity.statutory("nhs-lothian");
        assertThat(call("GET", "/statutory/" + COUNCIL + "/escalations", nhs, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/statutory/" + COUNCIL + "/escalations/" + id + "/acknowledge", nhs, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/statutory/" + COUNCIL + "/escalations", TestIdentity.placeLead(), null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/statutory/" + COUNCIL + "/escalations", null, null).statusCode()).isEqualTo(401);
        // a body's own path, but someone else's escalation: not revealed
        assertThat(call("POST", "/statutory/nhs-lothian/escalations/" + id + "/acknowledge", nhs, null).statusCode())
                .isEqualTo(404);
        assertThat(placeView(id).get("acknowledgedAt").isNull()).isTrue();
    }

    @Test
    void theDueDateIsADurableDeadlineThatTurnsTheEscalationOverdue() throws Exception {
        String id = escalate("family", "social-work", "When will family support referrals be answered within a month?");
        // the deadline is a row in PostgreSQL, written with the escalation
        await().atMost(WAIT).until(() -> deadlineRows(id) == 1);
        // bring it forward rather than wait twenty working days: the scheduler finds it and fires it
        jdbc.sql("update scheduled_tasks set execution_time = now() where position(convert_to(?, 'UTF8') in task_data) > 0")
                .param(id).update();
        await().atMost(WAIT).until(() -> "OVERDUE".equals(placeView(id).get("status").asText()));
        JsonNode view = placeView(id);
        assertThat(view.get("overdueAt").isNull()).isFalse();
        // a reminder now waits in the database in its place
        await().atMost(WAIT).until(() -> deadlineRows(id) == 1);
    }

    @Test
    void aPatternTakenToAnotherBodyBecomesANewEscalationLinkedToTheFirst() throws Exception {
        String id = escalate("welfare-benefits", "scottish-welfare-fund", "Why do crisis grant decisions take weeks?");
        HttpResponse<String> bad = call("POST", "/escalations/" + id + "/re-escalate", TestIdentity.placeLead(),
                "{\"body\":\"no-such-body\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(bad)).containsExactlyInAnyOrder("body", "reason");
        String other = placeView(id).get("body").asText().equals("scottish-government") ? "city-of-edinburgh-council"
                : "scottish-government";
        HttpResponse<String> moved = call("POST", "/escalations/" + id + "/re-escalate", TestIdentity.placeLead(),
                "{\"body\":\"" + other + "\",\"reason\":\"The policy is set nationally\"}");
        assertThat(moved.statusCode()).isEqualTo(201);
        String newId = JSON.readTree(moved.body()).get("escalationId").asText();
        assertThat(placeView(id).get("status").asText()).isEqualTo("RE_ESCALATED");
        assertThat(placeView(id).get("reEscalatedTo").asText()).isEqualTo(newId);
        JsonNode next = placeView(newId);
        assertThat(next.get("body").asText()).isEqualTo(other);
        assertThat(next.get("reEscalatedFrom").asText()).isEqualTo(id);
        assertThat(next.get("question").asText()).isEqualTo("Why do crisis grant decisions take weeks?");
    }

    @Test
    void theBodyPullsItsOwnFeedInOrderPageByPageAndReadsTheSameOnKafka() throws Exception {
        String body = "dwp";
        String id = escalate("employment", "jobcentre", "Why are sanctions applied before a first appointment is confirmed?");
        String dwp = TestIdentity.statutory(body);
        String base = "/statutory/" + body + "/escalations/" + id;
        assertThat(call("POST", base + "/acknowledge", dwp, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", base + "/responses", dwp,
                "{\"kind\":\"MORE_INFORMATION_REQUESTED\",\"request\":\"Which jobcentres?\"}").statusCode()).isEqualTo(201);

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            HttpResponse<String> page = call("GET", "/feeds/" + body + "/events?limit=1" + (cursor == null ? "" : "&after=" + cursor),
                    dwp, null);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode json = JSON.readTree(page.body());
            json.get("events").forEach(seen::add);
            assertThat(json.get("events").size()).isLessThanOrEqualTo(1);
            cursor = json.get("next").asText();
            more = json.get("more").asBoolean();
            pages++;
        }
        List<String> types = new ArrayList<>();
        for (JsonNode entry : seen) {
            JsonNode event = entry.get("cloudEvent");
            assertThat(event.get("data").get("body").asText()).isEqualTo(body);
            types.add(event.get("type").asText());
        }
        assertThat(types).containsExactly("org.bothy.escalation.EscalationRaised.v2",
                "org.bothy.escalation.EscalationAcknowledged.v1", "org.bothy.escalation.EscalationResponded.v1");
        assertThat(pages).isEqualTo(3);
        // nothing new: the same cursor comes back with no events
        JsonNode empty = JSON.readTree(call("GET", "/feeds/" + body + "/events?after=" + cursor, dwp, null).body());
        assertThat(empty.get("events")).isEmpty();
        assertThat(empty.get("next").asText()).isEqualTo(cursor);

        HttpResponse<String> bad = call("GET", "/feeds/" + body + "/events?after=x&limit=0", dwp, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(bad)).containsExactlyInAnyOrder("after", "limit");
        assertThat(call("GET", "/feeds/" + body + "/events", TestIdentity.statutory(COUNCIL), null).statusCode()).isEqualTo(403);

        // the Kafka feed carries the same events, structured CloudEvents keyed by the escalation
        await().atMost(WAIT).until(() -> RealKafka.readAll(Topics.EVIDENCE_PREFIX + body, Duration.ofSeconds(2)).stream()
                .filter(record -> id.equals(record.key())).count() >= 3);
        List<String> onKafka = RealKafka.readAll(Topics.EVIDENCE_PREFIX + body, Duration.ofSeconds(2)).stream()
                .filter(record -> id.equals(record.key()))
                .map(record -> ContractCodec.standard().fromStructuredJson(record.value()).getClass().getSimpleName())
                .toList();
        assertThat(onKafka).containsExactly("EscalationRaised", "EscalationAcknowledged", "EscalationResponded");
    }

    private int deadlineRows(String escalationId) {
        return jdbc.sql("select count(*) from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0")
                .param(escalationId).query(Integer.class).single();
    }

    private String escalate(String theme, String actor, String question) throws Exception {
        Instant now = Instant.now();
        EvidenceSignal signal = new EvidenceSignal(UUID.randomUUID().toString(), now, EvidenceSignal.patternKey(theme, actor),
                theme, actor, 6, 3, List.of(new WindowCount(90, 5, 3)), now.minus(Duration.ofDays(20)), now);
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            producer.send(ContractCodec.standard().toRecord(Topics.PLACE_EVIDENCE, "/bothy/place", signal)).get();
        }
        String patternKey = signal.patternKey();
        await().atMost(WAIT).until(() -> candidateFor(patternKey) != null);
        HttpResponse<String> accepted = call("POST", "/candidates/" + candidateFor(patternKey) + "/accept",
                TestIdentity.placeLead(), "{\"question\":\"" + question + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(201);
        return JSON.readTree(accepted.body()).get("escalationId").asText();
    }

    private String candidateFor(String patternKey) throws Exception {
        for (JsonNode node : JSON.readTree(call("GET", "/candidates", TestIdentity.placeLead(), null).body())) {
            if (patternKey.equals(node.get("patternKey").asText())) {
                return node.get("candidateId").asText();
            }
        }
        return null;
    }

    private JsonNode placeView(String escalationId) throws Exception {
        HttpResponse<String> response = call("GET", "/escalations/" + escalationId, TestIdentity.placeLead(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> fieldsIn(HttpResponse<String> problem) throws Exception {
        List<String> fields = new ArrayList<>();
        JSON.readTree(problem.body()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
