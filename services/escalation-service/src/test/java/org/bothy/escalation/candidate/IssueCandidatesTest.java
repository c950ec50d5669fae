package org.bothy.escalation.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bothy.escalation.ServiceCalls.JSON;
import static org.bothy.escalation.ServiceCalls.WAIT;
import static org.bothy.escalation.ServiceCalls.awaitApplied;
import static org.bothy.escalation.ServiceCalls.fieldsIn;
import static org.bothy.escalation.ServiceCalls.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.IssueSignal;
import org.bothy.kernel.contract.evidence.IssueWindow;
import org.bothy.kernel.contract.evidence.WindowCount;
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
 * Published issues on a real PostgreSQL and Kafka broker: the place's IssueSignals are recorded (latest revision
 * wins), an open issue at level 3 or owned by government proposes one candidate, and an issue that names no
 * system actor waits for the place lead to name the body; every candidate shows the evidence behind it (disclosure
 * controlled at a threshold of 7 here, to show it is configurable).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.consumer.group-id=escalation-issue-candidates-test",
                "bothy.escalation.disclosure-threshold=7"})
class IssueCandidatesTest {

    private static final String COUNCIL = "city-of-edinburgh-council";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_issue_test");
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
    void anOpenMacroIssueProposesOneCandidateForItsFirstActorsBodyAndKeepsItsLatestRevision() throws Exception {
        String issueId = "macro-" + UUID.randomUUID().toString().substring(0, 8);
        IssueSignal first = issue(issueId, 1, 3, "open", "leadership", List.of("debt"), List.of("council-revenues", "gp"), 6, 2);
        publish(first);
        String key = first.issueKey();
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(key).size() == 1);
        JsonNode candidate = calls.openCandidatesFor(key).get(0);
        assertThat(candidate.get("source").asText()).isEqualTo("ISSUE");
        assertThat(candidate.get("body").asText()).isEqualTo(COUNCIL);
        assertThat(candidate.get("theme").asText()).isEqualTo("debt");
        assertThat(candidate.get("systemActor").asText()).isEqualTo("council-revenues");
        assertThat(candidate.get("people").asInt()).isEqualTo(6);

        // a later revision with more people updates the one candidate; the first again, and an older revision
        // counted later, change nothing
        IssueSignal second = issue(issueId, 2, 3, "open", "leadership", List.of("debt"), List.of("council-revenues", "gp"), 9, 3);
        publish(second);
        publish(first);
        IssueSignal stale = issue(issueId, 1, 3, "open", "leadership", List.of("debt"), List.of("council-revenues", "gp"), 2, 1);
        publish(stale);
        awaitApplied(jdbc, stale.eventId());
        List<JsonNode> candidates = calls.openCandidatesFor(key);
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).get("candidateId").asText()).isEqualTo(candidate.get("candidateId").asText());
        assertThat(candidates.get(0).get("people").asInt()).isEqualTo(9);
        assertThat(candidates.get(0).get("organisations").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select revision from issue_signal where issue_key = ?").param(key).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select event_id from issue_signal where issue_key = ?").param(key).query(String.class).single())
                .isEqualTo(second.eventId());
    }

    @Test
    void aTeamIssueAtLevelOneAndAClosedMacroIssueProposeNothingButAGovernmentIssueDoes() throws Exception {
        IssueSignal team = issue("team-" + UUID.randomUUID().toString().substring(0, 8), 1, 1, "open", "team",
                List.of("housing"), List.of("council-housing"), 12, 4);
        IssueSignal closed = issue("closed-" + UUID.randomUUID().toString().substring(0, 8), 4, 3, "closed", "leadership",
                List.of("housing"), List.of("council-housing"), 12, 4);
        IssueSignal government = issue("gov-" + UUID.randomUUID().toString().substring(0, 8), 1, 2, "open", "government",
                List.of("mental-health"), List.of("gp"), 7, 2);
        publish(team);
        publish(closed);
        publish(government);
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(government.issueKey()).size() == 1);
        awaitApplied(jdbc, team.eventId());
        awaitApplied(jdbc, closed.eventId());
        assertThat(calls.openCandidatesFor(team.issueKey())).isEmpty();
        assertThat(calls.openCandidatesFor(closed.issueKey())).isEmpty();
        assertThat(calls.openCandidatesFor(government.issueKey()).get(0).get("body").asText()).isEqualTo("nhs-lothian");
        // recorded all the same: they are issue-log entries candidates can link to
        assertThat(jdbc.sql("select count(*) from issue_signal where issue_key in (?, ?)")
                .params(team.issueKey(), closed.issueKey()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anIssueThatNamesNoSystemActorIsAcceptedOnlyWithTheBodyThePlaceLeadNamesAndLaterEvidenceJoinsItsEscalation() throws Exception {
        IssueSignal issue = issue("no-actor-" + UUID.randomUUID().toString().substring(0, 8), 1, 3, "open", "government",
                List.of("debt"), List.of(), 8, 3);
        publish(issue);
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(issue.issueKey()).size() == 1);
        JsonNode candidate = calls.openCandidatesFor(issue.issueKey()).get(0);
        assertThat(candidate.get("body").isNull()).isTrue();
        assertThat(candidate.get("systemActor").isNull()).isTrue();
        String candidateId = candidate.get("candidateId").asText();
        String dueBy = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

        HttpResponse<String> noBody = calls.call("POST", "/candidates/" + candidateId + "/accept", TestIdentity.placeLead(),
                "{\"question\":\"Will you stop charging arrears while a grant is pending?\",\"dueBy\":\"" + dueBy + "\"}");
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(noBody.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(fieldsIn(noBody)).containsExactly("body");
        HttpResponse<String> unknownBody = calls.call("POST", "/candidates/" + candidateId + "/accept", TestIdentity.placeLead(),
                "{\"question\":\"Will you act?\",\"body\":\"the-moon\"}");
        assertThat(unknownBody.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(unknownBody)).containsExactly("body");
        assertThat(calls.openCandidatesFor(issue.issueKey())).hasSize(1);

        HttpResponse<String> accepted = calls.call("POST", "/candidates/" + candidateId + "/accept", TestIdentity.placeLead(),
                "{\"question\":\"Will you stop charging arrears while a grant is pending?\",\"dueBy\":\"" + dueBy
                        + "\",\"body\":\"" + COUNCIL + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(201);
        String escalationId = JSON.readTree(accepted.body()).get("escalationId").asText();
        JsonNode raised = calls.escalation(escalationId);
        assertThat(raised.get("body").asText()).isEqualTo(COUNCIL);
        assertThat(raised.get("patternKey").asText()).isEqualTo(issue.issueKey());
        assertThat(calls.openCandidatesFor(issue.issueKey())).isEmpty();

        // a later signal for the issue joins its open escalation as evidence and proposes no new candidate
        IssueSignal later = issue(issue.issueId(), 2, 3, "open", "government", List.of("debt"), List.of(), 6, 4);
        publish(later);
        awaitApplied(jdbc, later.eventId());
        assertThat(calls.openCandidatesFor(issue.issueKey())).isEmpty();
        JsonNode history = calls.escalation(escalationId).get("history");
        JsonNode added = null;
        for (JsonNode step : history) {
            if ("EVIDENCE_ADDED".equals(step.get("kind").asText())) {
                added = step;
            }
        }
        assertThat(added).as("history %s", history).isNotNull();
        assertThat(added.toString()).contains(later.eventId()).contains("\"people\":6");
        // and reaches the body's feed as the statutory EvidenceAdded, its people only after disclosure control
        byte[] payload = jdbc.sql("select payload from statutory_feed where escalation_id = ?::uuid and ce_type like ?")
                .params(escalationId, "%EvidenceAdded%").query(byte[].class).single();
        String contract = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(contract).contains("\"peopleShown\":\"<7\"").doesNotContain("\"people\":");
    }

    @Test
    void aCandidateShowsItsTrendItsCountsAfterDisclosureControlAndTheIssuesThatCoverIt() throws Exception {
        // an issue that covers digital-exclusion:jobcentre, one that names the theme but another actor, and a pattern
        // that grows over three signals
        IssueSignal covering = issue("cover-" + UUID.randomUUID().toString().substring(0, 8), 2, 1, "open", "team",
                List.of("digital-exclusion", "debt"), List.of("jobcentre", "council-revenues"), 11, 3);
        IssueSignal elsewhere = issue("else-" + UUID.randomUUID().toString().substring(0, 8), 1, 1, "open", "team",
                List.of("digital-exclusion"), List.of("social-work"), 4, 2);
        publish(covering);
        publish(elsewhere);
        awaitApplied(jdbc, elsewhere.eventId());
        EvidenceSignal first = pattern("digital-exclusion", "jobcentre", 3, 2, Instant.now().minusSeconds(120));
        EvidenceSignal second = pattern("digital-exclusion", "jobcentre", 5, 2, Instant.now().minusSeconds(60));
        EvidenceSignal third = pattern("digital-exclusion", "jobcentre", 9, 3, Instant.now());
        publish(first);
        publish(second);
        publish(second); // redelivered: not a fourth point
        publish(third);
        awaitApplied(jdbc, third.eventId());
        await().atMost(WAIT).until(() -> calls.openCandidatesFor("digital-exclusion:jobcentre").size() == 1);
        String candidateId = calls.openCandidatesFor("digital-exclusion:jobcentre").get(0).get("candidateId").asText();

        HttpResponse<String> response = calls.call("GET", "/candidates/" + candidateId, TestIdentity.placeLead(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode evidence = JSON.readTree(response.body()).get("evidence");
        assertThat(evidence.get("people").asInt()).isEqualTo(9);
        assertThat(evidence.get("peopleShown").asText()).isEqualTo("9");
        assertThat(evidence.get("organisations").asInt()).isEqualTo(3);
        List<String> shown = new ArrayList<>();
        List<Integer> people = new ArrayList<>();
        evidence.get("trend").forEach(point -> {
            people.add(point.get("people").asInt());
            shown.add(point.get("peopleShown").asText());
        });
        assertThat(people).containsExactly(3, 5, 9);
        assertThat(shown).containsExactly("<7", "<7", "9");
        // the pattern is this test's own on the shared topic; the issue naming another actor never covers it
        List<String> linkedKeys = new ArrayList<>();
        evidence.get("issues").forEach(issue -> linkedKeys.add(issue.get("issueKey").asText()));
        assertThat(linkedKeys).contains(covering.issueKey()).doesNotContain(elsewhere.issueKey());
        JsonNode linked = null;
        for (JsonNode issue : evidence.get("issues")) {
            if (covering.issueKey().equals(issue.get("issueKey").asText())) {
                linked = issue;
            }
        }
        assertThat(linked.get("owner").asText()).isEqualTo("team");
        assertThat(linked.get("peopleShown").asText()).isEqualTo("11");
        // the list carries the same evidence
        assertThat(calls.openCandidatesFor("digital-exclusion:jobcentre").get(0).get("evidence").get("trend")).hasSize(3);
        assertThat(calls.call("GET", "/candidates/" + UUID.randomUUID(), TestIdentity.placeLead(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anIssueCandidateLinksItsOwnIssueWithPeopleShownUnderTheThreshold() throws Exception {
        IssueSignal small = issue("small-" + UUID.randomUUID().toString().substring(0, 8), 1, 3, "open", "leadership",
                List.of("debt"), List.of("council-revenues"), 4, 2);
        publish(small);
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(small.issueKey()).size() == 1);
        JsonNode evidence = calls.openCandidatesFor(small.issueKey()).get(0).get("evidence");
        assertThat(evidence.get("people").asInt()).isEqualTo(4);
        assertThat(evidence.get("peopleShown").asText()).isEqualTo("<7");
        assertThat(evidence.get("trend")).hasSize(1);
        assertThat(evidence.get("issues")).hasSize(1);
        assertThat(evidence.get("issues").get(0).get("issueKey").asText()).isEqualTo(small.issueKey());
        assertThat(evidence.get("issues").get(0).get("peopleShown").asText()).isEqualTo("<7");
    }

    private static EvidenceSignal pattern(String theme, String actor, int people, int organisations, Instant at) {
        return new EvidenceSignal(UUID.randomUUID().toString(), at, EvidenceSignal.patternKey(theme, actor), theme, actor,
                people, organisations, List.of(new WindowCount(90, people, organisations)), at.minus(Duration.ofDays(30)), at);
    }

    private static IssueSignal issue(String issueId, int revision, int level, String status, String owner, List<String> themes,
                                     List<String> actors, int people, int organisations) {
        Instant now = Instant.now();
        return new IssueSignal(UUID.randomUUID().toString(), now, IssueSignal.issueKey("move-on", issueId), "move-on",
                issueId, revision, level, status, owner, themes, actors, people, people < 5 ? "<5" : Integer.toString(people),
                organisations, List.of(new IssueWindow(90, people, people < 5 ? "<5" : Integer.toString(people), organisations)),
                now.minus(Duration.ofDays(20)), now);
    }
}
