package org.bothy.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bothy.escalation.ServiceCalls.JSON;
import static org.bothy.escalation.ServiceCalls.WAIT;
import static org.bothy.escalation.ServiceCalls.fieldsIn;
import static org.bothy.escalation.ServiceCalls.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bothy.kernel.cloudevents.ContractCodec;
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
 * A statutory body answers its own escalations (and only its own) on a real PostgreSQL and Kafka; each answer is
 * on the place leads' record, and the due date is a durable deadline in the database that fires when due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=escalation-statutory-test")
class StatutoryResponseTest {

    private static final String COUNCIL = "city-of-edinburgh-council";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_statutory_test");
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
    void theBodyAcknowledgesCommitsAndReportsAChangeAndThePlaceSeesItAllAndClosesWithAVerdict() throws Exception {
        String id = escalate("education", "council-revenues", "What will the council change about school exclusions without support?");
        String base = "/statutory/" + COUNCIL + "/escalations/" + id;
        String council = TestIdentity.statutory(COUNCIL);

        HttpResponse<String> mine = calls.call("GET", "/statutory/" + COUNCIL + "/escalations", council, null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(id);

        assertThat(calls.call("POST", base + "/acknowledge", council, null).statusCode()).isEqualTo(200);
        assertThat(calls.escalation(id).get("status").asText()).isEqualTo("ACKNOWLEDGED");

        HttpResponse<String> bad = calls.call("POST", base + "/responses", council, "{\"kind\":\"COMMITTED\",\"commitBy\":\"someday\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(fieldsIn(bad)).containsExactlyInAnyOrder("change", "commitBy");
        assertThat(calls.escalation(id).get("response").isNull()).as("nothing stored").isTrue();

        String commitBy = LocalDate.now().plusMonths(3).toString();
        HttpResponse<String> committed = calls.call("POST", base + "/responses", council,
                "{\"kind\":\"COMMITTED\",\"change\":\"Repairs triaged within 5 days\",\"commitBy\":\"" + commitBy + "\"}");
        assertThat(committed.statusCode()).isEqualTo(201);
        assertThat(calls.call("POST", base + "/responses", council, "{\"kind\":\"DECLINED\",\"reasons\":\"no\"}").statusCode())
                .as("a final answer is final").isEqualTo(409);

        HttpResponse<String> change = calls.call("POST", base + "/changes", council,
                "{\"description\":\"Repair triage team in place\",\"madeOn\":\"" + LocalDate.now() + "\"}");
        assertThat(change.statusCode()).isEqualTo(201);

        JsonNode view = calls.escalation(id);
        assertThat(view.get("status").asText()).isEqualTo("CHANGE_REPORTED");
        assertThat(view.get("response").get("kind").asText()).isEqualTo("COMMITTED");
        assertThat(view.get("response").get("commitBy").asText()).isEqualTo(commitBy);
        assertThat(view.get("response").get("late").asBoolean()).isFalse();
        assertThat(view.get("commitmentKept").asBoolean()).isTrue();
        List<String> kinds = new ArrayList<>();
        view.get("history").forEach(entry -> kinds.add(entry.get("kind").asText()));
        assertThat(kinds).containsExactly("RAISED", "ACKNOWLEDGED", "RESPONDED_COMMITTED", "CHANGE_REPORTED");
        assertThat(view.get("history").get(2).get("detail").get("change").asText()).isEqualTo("Repairs triaged within 5 days");

        assertThat(calls.call("POST", "/escalations/" + id + "/close", TestIdentity.placeLead(), "{\"verdict\":\"maybe\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> closed = calls.call("POST", "/escalations/" + id + "/close", TestIdentity.placeLead(),
                "{\"verdict\":\"PATTERN_FELL\",\"note\":\"No repair-related evictions for two quarters\"}");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).get("verdict").asText()).isEqualTo("PATTERN_FELL");
        assertThat(calls.call("POST", base + "/acknowledge", council, null).statusCode()).isEqualTo(409);
    }

    @Test
    void anotherBodysTokenIsRefused() throws Exception {
        String id = escalate("digital-exclusion", "council-housing", "Why can housing repairs only be reported online?");
        String nhs = TestIdentity.statutory("nhs-lothian");
        assertThat(calls.call("GET", "/statutory/" + COUNCIL + "/escalations", nhs, null).statusCode()).isEqualTo(403);
        assertThat(calls.call("POST", "/statutory/" + COUNCIL + "/escalations/" + id + "/acknowledge", nhs, null).statusCode())
                .isEqualTo(403);
        assertThat(calls.call("GET", "/statutory/" + COUNCIL + "/escalations", TestIdentity.placeLead(), null).statusCode())
                .isEqualTo(403);
        assertThat(calls.call("GET", "/statutory/" + COUNCIL + "/escalations", null, null).statusCode()).isEqualTo(401);
        // a body's own path, but someone else's escalation: not revealed
        assertThat(calls.call("POST", "/statutory/nhs-lothian/escalations/" + id + "/acknowledge", nhs, null).statusCode())
                .isEqualTo(404);
        assertThat(calls.escalation(id).get("acknowledgedAt").isNull()).isTrue();
    }

    @Test
    void theDueDateIsADurableDeadlineThatTurnsTheEscalationOverdue() throws Exception {
        String id = escalate("family", "social-work", "When will family support referrals be answered within a month?");
        // the deadline is a row in PostgreSQL, written with the escalation
        await().atMost(WAIT).until(() -> deadlineRows(id) == 1);
        // bring it forward rather than wait twenty working days: the scheduler finds it and fires it
        jdbc.sql("update scheduled_tasks set execution_time = now() where position(convert_to(?, 'UTF8') in task_data) > 0")
                .param(id).update();
        await().atMost(WAIT).until(() -> "OVERDUE".equals(calls.escalation(id).get("status").asText()));
        JsonNode view = calls.escalation(id);
        assertThat(view.get("overdueAt").isNull()).isFalse();
        // a reminder now waits in the database in its place
        await().atMost(WAIT).until(() -> deadlineRows(id) == 1);
    }

    @Test
    void aPatternTakenToAnotherBodyBecomesANewEscalationLinkedToTheFirst() throws Exception {
        String id = escalate("welfare-benefits", "scottish-welfare-fund", "Why do crisis grant decisions take weeks?");
        HttpResponse<String> bad = calls.call("POST", "/escalations/" + id + "/re-escalate", TestIdentity.placeLead(),
                "{\"body\":\"no-such-body\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(bad)).containsExactlyInAnyOrder("body", "reason");
        String other = calls.escalation(id).get("body").asText().equals("scottish-government") ? "city-of-edinburgh-council"
                : "scottish-government";
        HttpResponse<String> moved = calls.call("POST", "/escalations/" + id + "/re-escalate", TestIdentity.placeLead(),
                "{\"body\":\"" + other + "\",\"reason\":\"The policy is set nationally\"}");
        assertThat(moved.statusCode()).isEqualTo(201);
        String newId = JSON.readTree(moved.body()).get("escalationId").asText();
        assertThat(calls.escalation(id).get("status").asText()).isEqualTo("RE_ESCALATED");
        assertThat(calls.escalation(id).get("reEscalatedTo").asText()).isEqualTo(newId);
        JsonNode next = calls.escalation(newId);
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
        assertThat(calls.call("POST", base + "/acknowledge", dwp, null).statusCode()).isEqualTo(200);
        assertThat(calls.call("POST", base + "/responses", dwp,
                "{\"kind\":\"MORE_INFORMATION_REQUESTED\",\"request\":\"Which jobcentres?\"}").statusCode()).isEqualTo(201);

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            HttpResponse<String> page = calls.call("GET", "/feeds/" + body + "/events?limit=1" + (cursor == null ? "" : "&after=" + cursor),
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
        JsonNode empty = JSON.readTree(calls.call("GET", "/feeds/" + body + "/events?after=" + cursor, dwp, null).body());
        assertThat(empty.get("events")).isEmpty();
        assertThat(empty.get("next").asText()).isEqualTo(cursor);

        HttpResponse<String> bad = calls.call("GET", "/feeds/" + body + "/events?after=x&limit=0", dwp, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(bad)).containsExactlyInAnyOrder("after", "limit");
        assertThat(calls.call("GET", "/feeds/" + body + "/events", TestIdentity.statutory(COUNCIL), null).statusCode()).isEqualTo(403);

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

    /** Escalates a pattern of 5 people across 3 organisations in 90 days to its body with {@code question}. */
    private String escalate(String theme, String actor, String question) throws Exception {
        return calls.escalate(signal(theme, actor, 5, 3), question);
    }
}
