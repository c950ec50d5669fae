package org.bothy.escalation.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bothy.escalation.ServiceCalls.WAIT;
import static org.bothy.escalation.ServiceCalls.awaitApplied;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bothy.escalation.ServiceCalls;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
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
 * A pattern is followed in its escalation while that is open; once the place has closed it with its verdict,
 * fresh evidence above the rule proposes a new candidate instead of joining the closed record.
 */
// Its signals are v1-shaped (every count shown in full), so a rule of 3 people can be met; against a place at the
// consortium's disclosure threshold of 5 the default rule is 5 (see DisclosedSignalsTest).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.consumer.group-id=escalation-after-closure-test", "bothy.escalation.rule.min-people=3"})
class ProposedAgainAfterClosureTest {

    // a pattern of its own on the shared evidence topic
    private static final String THEME = "social-isolation";
    private static final String ACTOR = "social-work";
    private static final String PATTERN = THEME + ":" + ACTOR;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_after_closure_test");
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
    void evidenceAfterTheVerdictProposesAFreshCandidateAndLeavesTheClosedRecordAlone() throws Exception {
        ServiceCalls.publish(ServiceCalls.signal(THEME, ACTOR, 4, 2));
        String first = calls.awaitCandidate(PATTERN);
        String escalationId = calls.accept(first, "What will social work change so that families are not passed on?");

        // while the escalation is open, evidence joins it and proposes nothing
        EvidenceSignal whileOpen = ServiceCalls.signal(THEME, ACTOR, 6, 3);
        ServiceCalls.publish(whileOpen);
        awaitApplied(jdbc, whileOpen.eventId());
        assertThat(calls.openCandidatesFor(PATTERN)).isEmpty();
        assertThat(kinds(calls.escalation(escalationId))).containsExactly("RAISED", "EVIDENCE_ADDED");

        var closed = calls.call("POST", "/escalations/" + escalationId + "/close", TestIdentity.placeLead(),
                "{\"verdict\":\"PATTERN_FELL\",\"note\":\"Referrals were taken up within a week for three months.\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

        EvidenceSignal afterVerdict = ServiceCalls.signal(THEME, ACTOR, 5, 2);
        ServiceCalls.publish(afterVerdict);
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(PATTERN).size() == 1);
        JsonNode fresh = calls.openCandidatesFor(PATTERN).get(0);
        assertThat(fresh.get("candidateId").asText()).isNotEqualTo(first);
        assertThat(fresh.get("people").asInt()).isEqualTo(5);
        assertThat(kinds(calls.escalation(escalationId))).containsExactly("RAISED", "EVIDENCE_ADDED", "CLOSED");

        // and the fresh candidate can itself be escalated: a pattern may go to its body more than once over time
        String second = calls.accept(fresh.get("candidateId").asText(), "The pattern is back: what will change now?");
        assertThat(second).isNotEqualTo(escalationId);
        assertThat(calls.escalation(second).get("status").asText()).isIn("RAISED", "DELIVERED");
        assertThat(calls.openCandidatesFor(PATTERN)).isEmpty();
    }

    @Test
    void aBelowTheRuleSignalAfterTheVerdictProposesNothing() throws Exception {
        String pattern = "justice:police";
        ServiceCalls.publish(ServiceCalls.signal("justice", "police", 3, 2));
        String escalationId = calls.accept(calls.awaitCandidate(pattern),
                "What will change in how police refer people on?");
        assertThat(calls.call("POST", "/escalations/" + escalationId + "/close", TestIdentity.placeLead(),
                "{\"verdict\":\"PATTERN_FELL\"}").statusCode()).isEqualTo(200);

        EvidenceSignal fewer = ServiceCalls.signal("justice", "police", 2, 1);
        ServiceCalls.publish(fewer);
        awaitApplied(jdbc, fewer.eventId());
        assertThat(calls.openCandidatesFor(pattern)).isEmpty();
    }

    private static List<String> kinds(JsonNode escalation) {
        List<String> kinds = new java.util.ArrayList<>();
        escalation.get("history").forEach(entry -> {
            if (!"DELIVERED".equals(entry.get("kind").asText())) {
                kinds.add(entry.get("kind").asText());
            }
        });
        return kinds;
    }
}
