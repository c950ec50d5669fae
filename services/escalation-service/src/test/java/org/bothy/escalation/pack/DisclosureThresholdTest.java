package org.bothy.escalation.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bothy.escalation.ServiceCalls.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bothy.escalation.ServiceCalls;
import org.bothy.kernel.contract.evidence.CountDisclosure;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The evidence pack and the accountability views show every count of people through the service's one disclosure
 * control, at {@code bothy.escalation.disclosure-threshold} (here 10, not the default 5): 7 people is {@code <10}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.escalation.disclosure-threshold=10",
        "spring.kafka.consumer.group-id=escalation-disclosure-threshold-test",
        "bothy.escalation.pack.learning-group=escalation-disclosure-threshold-pack"})
class DisclosureThresholdTest {

    private static final String COUNCIL = "city-of-edinburgh-council";
    // a pattern of its own on the shared evidence topic
    private static final String THEME = "family";
    private static final String ACTOR = "council-revenues";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_disclosure_threshold_test");
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);
    }

    @LocalServerPort
    int port;

    @Test
    void everyCountOfPeopleInThePackAndTheAccountabilityViewsIsControlledAtTheConfiguredThreshold() throws Exception {
        ServiceCalls calls = new ServiceCalls(port);
        String pattern = THEME + ":" + ACTOR;
        // 3 people in 30 days, 7 in 90 (the rule's window), 12 in a year: at threshold 10 only the 12 may be shown
        ServiceCalls.publish(ServiceCalls.signalByWindow(THEME, ACTOR, new int[] {3, 7, 12}, 2));
        String escalationId = calls.accept(calls.awaitCandidate(pattern),
                "What will the council change so that families are not pursued for arrears while a claim is assessed?");
        assertThat(calls.escalation(escalationId).get("people").asInt()).as("the place leads see the real count").isEqualTo(7);
        // later evidence joins the escalation and is part of the pack's record; the place (at its threshold of 5)
        // published its 30 days' 4 people as "<5", which a threshold of 10 shows as "<10", not as the place's "<5"
        ServiceCalls.publish(ServiceCalls.placeSignal(THEME, ACTOR, Instant.now(), new CountDisclosure(5).nested(4, 8, 13, 13), 3,
                List.of()));
        await().atMost(WAIT).until(() -> calls.escalation(escalationId).get("history").toString().contains("EVIDENCE_ADDED"));
        String council = TestIdentity.statutory(COUNCIL);
        var committed = calls.call("POST", "/statutory/" + COUNCIL + "/escalations/" + escalationId + "/responses", council,
                "{\"kind\":\"COMMITTED\",\"change\":\"Recovery pauses until the claim is decided\",\"commitBy\":\""
                        + LocalDate.now(ZoneOffset.UTC).plusDays(30) + "\"}");
        assertThat(committed.statusCode()).as(committed.body()).isEqualTo(201);

        JsonNode pack = ServiceCalls.JSON.readTree(calls.call("GET", "/escalations/" + escalationId + "/pack.json",
                TestIdentity.placeLead(), null).body());
        assertThat(pack.get("people").asText()).isEqualTo("<10");
        List<String> trend = new ArrayList<>();
        pack.get("trend").forEach(point -> trend.add(point.get("people").asText()));
        // the trend is the pattern's latest signal (4, 8, 13): only the 13 may be shown
        assertThat(trend).containsExactly("<10", "<10", "13");
        pack.get("trend").forEach(point -> assertThat(point.get("peopleCount").isNull())
                .isEqualTo(!"13".equals(point.get("people").asText())));
        assertThat(pack.get("disclosureNote").asText()).isEqualTo(
                "Counts of people from 1 to 9 are shown as <10, so that nobody can be recognised from them.");
        List<String> evidence = new ArrayList<>();
        pack.get("history").forEach(step -> {
            if ("EVIDENCE_ADDED".equals(step.get("kind").asText())) {
                evidence.add(step.get("text").asText());
            }
        });
        assertThat(evidence).singleElement().asString().startsWith("Later evidence joined the escalation: <10 people across 3");

        String page = calls.call("GET", "/escalations/" + escalationId + "/pack", council, null).body();
        assertThat(page).contains("<td class=\"people\">&lt;10</td>", "from 1 to 9 are shown as &lt;10", "&lt;10 people across 3")
                .doesNotContain("<td class=\"people\">7</td>", "&lt;5");

        JsonNode accountability = ServiceCalls.JSON.readTree(calls.call("GET", "/accountability", TestIdentity.placeLead(),
                null).body());
        JsonNode commitment = null;
        for (JsonNode entry : accountability.get("youSaidWeDid")) {
            if (escalationId.equals(entry.get("escalationId").asText())) {
                commitment = entry;
            }
        }
        assertThat(commitment).isNotNull();
        assertThat(commitment.get("people").asText()).isEqualTo("<10");
        assertThat(accountability.get("disclosureNote").asText()).contains("shown as <10");
        String summary = calls.call("GET", "/accountability/summary", TestIdentity.placeLead(), null).body();
        assertThat(summary).contains("<p class=\"muted\" id=\"disclosure\">Counts of people from 1 to 9 are shown as &lt;10")
                .doesNotContain("&lt;5");
    }
}
