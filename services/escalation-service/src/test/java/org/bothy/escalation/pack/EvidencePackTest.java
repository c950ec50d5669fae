package org.bothy.escalation.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Instant;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.escalation.accountability.AccountabilityTestBase;
import org.bothy.kernel.codes.Codes;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The evidence pack of an escalation raised through the API: the printable page, its JSON and its PDF carry the
 * pattern, the counts after disclosure control, the question and the record so far, for place leads and for the body
 * it was sent to; every other caller is refused.
 */
// A context of its own (by its consumer groups): the service's deadline scheduler cannot be started again after Spring
// pauses a cached context between test classes, so no two classes here reuse one.
@TestPropertySource(properties = {
        "spring.kafka.consumer.group-id=bothy-escalation-pack-test",
        "bothy.escalation.pack.learning-group=bothy-escalation-pack-learning-test"})
class EvidencePackTest extends AccountabilityTestBase {

    private static final String COUNCIL = "city-of-edinburgh-council";
    private static final String QUESTION = "Will the council give schools a named contact for families at risk of eviction?";
    private static final String KEPT_PERSON = "a".repeat(64);
    private static final String WITHDRAWN_PERSON = "b".repeat(64);
    private static final String KEPT_SUMMARY = "A named teacher who knew the family situation kept two children in school.";
    private static String escalationId;

    private static IssuePublished issue(int revision, String description, Instant at) {
        return new IssuePublished(UUID.randomUUID().toString(), at, "spartans", "pack-issue-school", revision, description,
                2, "open", "government", "Workers ask the school to hold the place", "A place is held for a term after a move",
                List.of("education", "housing"), List.of("school"), 5, 4);
    }

    private static ExperimentConcluded experiment(String pseudonym, String summary, Instant at) {
        return new ExperimentConcluded(UUID.randomUUID().toString(), at, "move-on", pseudonym,
                UUID.randomUUID().toString(), "exp-" + pseudonym.charAt(0), "education", summary);
    }

    @BeforeEach
    void raiseOnce() throws Exception {
        if (escalationId == null) {
            Instant now = Instant.now();
            publishLearning("spartans",
                    issue(2, "Families rehoused mid-term lose their school place and the children miss weeks", now),
                    issue(1, "An older wording that a later revision replaced", now.minusSeconds(60)),
                    new IssuePublished(UUID.randomUUID().toString(), now, "spartans", "pack-issue-housing", 1,
                            "Repairs wait months", 2, "open", "leadership", null, null, List.of("housing"),
                            List.of("council-housing"), 4, 4));
            publishLearning("move-on",
                    experiment(KEPT_PERSON, KEPT_SUMMARY, now),
                    experiment(WITHDRAWN_PERSON, "What a person later withdrew consent for", now),
                    new ConsentWithdrawn(UUID.randomUUID().toString(), now.plusSeconds(1), "move-on", WITHDRAWN_PERSON));
            // 3 people in 30 days and 4 in 90 (below the disclosure threshold), 12 in a year, across 2 partners.
            escalationId = escalate("education", "school", new int[] {3, 4, 12}, 2, QUESTION);
            awaitDelivered(escalationId);
        }
    }

    @Test
    void thePrintablePageHoldsThePatternTheSuppressedCountsTheQuestionAndTheHistory() throws Exception {
        HttpResponse<String> page = call("GET", "/escalations/" + escalationId + "/pack", TestIdentity.placeLead(), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(PackPage.CONTENT_SECURITY_POLICY);
        String html = page.body();
        Codes codes = Codes.northEdinburgh();
        assertThat(html).contains("<h1 id=\"pattern\">" + codes.theme("education").label() + " caused by "
                        + codes.systemActor("school").label() + "</h1>")
                .contains("education:school");
        assertThat(html).contains("<p class=\"question\" id=\"question\">" + QUESTION + "</p>");
        // 4 people when raised and 3 and 4 in the short windows are below 5: shown as "<5", never as the number.
        assertThat(html).contains("<td class=\"people\">&lt;5</td>")
                .contains("<tr data-days=\"30\"><td>Last 30 days</td><td>&lt;5</td><td>2</td></tr>")
                .contains("<tr data-days=\"90\"><td>Last 90 days</td><td>&lt;5</td><td>2</td></tr>")
                .contains("<tr data-days=\"365\"><td>Last 365 days</td><td>12</td><td>2</td></tr>")
                .doesNotContain("<td>3</td>", "<td>4</td>", "data-people=\"3\"", "data-people=\"4\"");
        // The chart: three bars, the suppressed ones as labelled stubs, the yearly one at full height.
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"trend-chart\"")
                .contains("<g class=\"bar\" data-days=\"30\" data-people=\"&lt;5\">")
                .contains("<g class=\"bar\" data-days=\"365\" data-people=\"12\">")
                .contains("fill=\"url(#suppressed)\"");
        // The record so far: raised, then delivered.
        assertThat(html).contains("<li data-kind=\"RAISED\">").contains("<li data-kind=\"DELIVERED\">");
        assertThat(html.indexOf("data-kind=\"RAISED\"")).isLessThan(html.indexOf("data-kind=\"DELIVERED\""));
        // Self-contained: nothing fetched from elsewhere (the SVG and XHTML namespaces are names, not addresses).
        assertThat(html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xhtml", ""))
                .doesNotContainPattern("https?://").doesNotContain("<script", "<link");
    }

    @Test
    void theJsonCarriesTheSameFiguresWithoutTheSuppressedNumbers() throws Exception {
        HttpResponse<String> response = call("GET", "/escalations/" + escalationId + "/pack.json", TestIdentity.placeLead(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode pack = JSON.readTree(response.body());
        assertThat(pack.get("escalationId").asText()).isEqualTo(escalationId);
        assertThat(pack.at("/pattern/key").asText()).isEqualTo("education:school");
        assertThat(pack.at("/pattern/theme").asText()).isEqualTo("education");
        assertThat(pack.at("/pattern/systemActor").asText()).isEqualTo("school");
        assertThat(pack.at("/body/code").asText()).isEqualTo(COUNCIL);
        assertThat(pack.at("/body/label").asText()).isNotBlank();
        assertThat(pack.get("question").asText()).isEqualTo(QUESTION);
        assertThat(pack.get("people").asText()).isEqualTo("<5");
        assertThat(pack.get("organisations").asInt()).isEqualTo(2);
        assertThat(pack.get("dueBy").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        List<String> trend = new ArrayList<>();
        pack.get("trend").forEach(point -> trend.add(point.get("days").asInt() + "|" + point.get("people").asText() + "|"
                + point.get("peopleCount") + "|" + point.get("organisations").asInt()));
        assertThat(trend).containsExactly("30|<5|null|2", "90|<5|null|2", "365|12|12|2");
        assertThat(pack.get("issueLog").isArray()).isTrue();
        assertThat(pack.get("learningSummaries").isArray()).isTrue();
        List<String> kinds = new ArrayList<>();
        pack.get("history").forEach(step -> kinds.add(step.get("kind").asText()));
        assertThat(kinds).containsExactly("RAISED", "DELIVERED");
        assertThat(pack.get("disclosureNote").asText()).contains("<5");
    }

    @Test
    void theIssueLogAndLearningAboutThePatternAreQuotedButNotWhatAPersonWithdrew() throws Exception {
        String path = "/escalations/" + escalationId + "/pack.json";
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode pack = JSON.readTree(call("GET", path, TestIdentity.placeLead(), null).body());
            assertThat(pack.get("issueLog")).hasSize(1);
            List<String> summaries = new ArrayList<>();
            pack.get("learningSummaries").forEach(learning -> summaries.add(learning.get("summary").asText()));
            assertThat(summaries).containsExactly(KEPT_SUMMARY);
        });
        JsonNode issue = JSON.readTree(call("GET", path, TestIdentity.placeLead(), null).body()).get("issueLog").get(0);
        assertThat(issue.get("description").asText()).isEqualTo("Families rehoused mid-term lose their school place and"
                + " the children miss weeks");
        assertThat(issue.get("level").asInt()).isEqualTo(2);
        assertThat(issue.get("owner").asText()).isEqualTo("government");
        assertThat(issue.get("countermeasure").asText()).isEqualTo("Workers ask the school to hold the place");
        assertThat(issue.get("organisation").asText()).isEqualTo(Codes.northEdinburgh().organisation("spartans").label());

        String html = call("GET", "/escalations/" + escalationId + "/pack", TestIdentity.placeLead(), null).body();
        assertThat(html).contains("<tr class=\"issue\"><td>Families rehoused mid-term lose their school place")
                .contains("<li class=\"learning\">" + KEPT_SUMMARY)
                .doesNotContain("An older wording", "What a person later withdrew", "Repairs wait months", WITHDRAWN_PERSON,
                        KEPT_PERSON);
    }

    @Test
    void thePdfIsAPrintOfThePack() throws Exception {
        HttpResponse<byte[]> pdf = bytes("/escalations/" + escalationId + "/pack.pdf", TestIdentity.placeLead());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.body().length).isGreaterThan(2_000);
    }

    @Test
    void theBodyItWasSentToMayReadItAndNoOtherBodyNorAPartnerWorker() throws Exception {
        String pack = "/escalations/" + escalationId + "/pack";
        assertThat(call("GET", pack, TestIdentity.statutory(COUNCIL), null).statusCode()).isEqualTo(200);
        assertThat(call("GET", pack + ".json", TestIdentity.statutory(COUNCIL), null).statusCode()).isEqualTo(200);
        for (String suffix : new String[] {"", ".json", ".pdf"}) {
            HttpResponse<String> refused = call("GET", pack + suffix, TestIdentity.statutory("nhs-lothian"), null);
            assertThat(refused.statusCode()).as("another body's token, " + suffix).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(QUESTION);
            assertThat(call("GET", pack + suffix, TestIdentity.worker("fresh-start"), null).statusCode()).isEqualTo(403);
            assertThat(call("GET", pack + suffix, null, null).statusCode()).isEqualTo(401);
        }
        // The body still cannot list the place's escalations: only its own pack opens to it.
        assertThat(call("GET", "/escalations/" + escalationId, TestIdentity.statutory(COUNCIL), null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/escalations/" + UUID.randomUUID() + "/pack.json", TestIdentity.placeLead(), null)
                .statusCode()).isEqualTo(404);
    }
}
