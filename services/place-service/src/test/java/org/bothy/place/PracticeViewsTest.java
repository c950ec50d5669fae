package org.bothy.place;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.evidence.IssueSignal;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.kernel.contract.learning.LearningCyclePublished;
import org.bothy.kernel.contract.learning.Lm3Reported;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every other view from its contracts, on real Kafka and PostgreSQL: cost of support with its spread, soft-measure
 * trends, the learning library's full-text search (and its CSV, quoted as RFC 4180 says), the consolidated issue log
 * where the highest revision wins, LM3 at three scales, learning cycles and their connections, and the evidence
 * signal of a published issue. Organisations are unique to this test.
 */
class PracticeViewsTest extends PlaceServiceTestBase {

    private static final String CRAIG = "practice-craig";
    private static final String LOCH = "practice-loch";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyContractFeedsItsView() throws Exception {
        String ishbel = LearningRecords.pseudonym("practice-ishbel");
        String lachie = LearningRecords.pseudonym("practice-lachie");
        Instant march = Instant.parse("2026-03-10T10:00:00Z");
        Instant april = Instant.parse("2026-04-10T10:00:00Z");
        LearningRecords.send(
                // Ishbel's journey: £90, 2 visits and a call; Lachie's: one message.
                LearningRecords.record(ORG_A_TOPIC, contact(CRAIG, ishbel, "j-ishbel", "visit", 60, 5000, march)),
                LearningRecords.record(ORG_A_TOPIC, contact(CRAIG, ishbel, "j-ishbel", "visit", 45, 4000, march)),
                LearningRecords.record(ORG_A_TOPIC, contact(CRAIG, ishbel, "j-ishbel", "call", 15, 0, april)),
                LearningRecords.record(ORG_A_TOPIC, contact(CRAIG, lachie, "j-lachie", "message", 5, 0, april)),
                LearningRecords.record(ORG_A_TOPIC, score(CRAIG, ishbel, "confidence", 3, march)),
                LearningRecords.record(ORG_A_TOPIC, score(CRAIG, lachie, "confidence", 6, march)),
                LearningRecords.record(ORG_A_TOPIC, score(CRAIG, ishbel, "confidence", 7, april)),
                LearningRecords.record(ORG_A_TOPIC, new ExperimentConcluded(UUID.randomUUID().toString(), april, CRAIG, ishbel,
                        "j-ishbel", "exp-1", "debt",
                        "Phoning the council's revenues team together, \"on speaker\", stopped the bailiffs within a week")),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(CRAIG, ishbel, "substance-use", "police", march)),
                LearningRecords.record(ORG_A_TOPIC, LearningRecords.barrier(LOCH, lachie, "substance-use", "police", april)),
                // Revision 2 arrives before revision 1: the log keeps revision 2.
                LearningRecords.record(ORG_A_TOPIC, issue(CRAIG, "iss-7", 2, "closed", april)),
                LearningRecords.record(ORG_A_TOPIC, issue(CRAIG, "iss-7", 1, "open", march)),
                LearningRecords.record(ORG_A_TOPIC, new LearningCyclePublished(UUID.randomUUID().toString(), march, CRAIG,
                        "cyc-team", 1, "team", "What happens if we meet people where they are?",
                        "People came back when we went to them", "The consortium could share outreach rotas", List.of("cyc-place"))),
                LearningRecords.record(ORG_A_TOPIC, new LearningCyclePublished(UUID.randomUUID().toString(), april, LOCH,
                        "cyc-place", 1, "place", "How do bailiff visits shape people's trust?", "Too early to say", "None yet", List.of())),
                LearningRecords.record(ORG_A_TOPIC, lm3(CRAIG, "proj-a", 100_000, 50_000, 20_000)),
                LearningRecords.record(ORG_A_TOPIC, lm3(CRAIG, "proj-b", 300_000, 60_000, 30_000)),
                LearningRecords.record(ORG_A_TOPIC, lm3(LOCH, "proj-c", 200_000, 200_000, 100_000)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/lm3?organisation=" + LOCH).body()).contains("proj-c"));

        assertThat(get("/cost/contacts-by-kind?organisation=" + CRAIG).body()).isEqualTo("["
                + "{\"organisation\":\"practice-craig\",\"kind\":\"call\",\"contacts\":1,\"minutes\":15,\"spendPence\":0},"
                + "{\"organisation\":\"practice-craig\",\"kind\":\"message\",\"contacts\":1,\"minutes\":5,\"spendPence\":0},"
                + "{\"organisation\":\"practice-craig\",\"kind\":\"visit\",\"contacts\":2,\"minutes\":105,\"spendPence\":9000}]");
        // Two journeys: £90 and £0, 120 and 5 minutes, 3 and 1 contacts. Continuous percentiles, rounded half up: spend p25 2250, median 4500, p75 6750, p90 8100; minutes median 62.5 -> 63, p90 108.5 -> 109.
        assertThat(get("/cost?organisation=" + CRAIG).body()).startsWith("["
                + "{\"organisation\":\"practice-craig\",\"per\":\"journey\",\"count\":2,\"contacts\":4,\"minutes\":125,\"spendPence\":9000,"
                + "\"meanSpendPence\":4500,\"p25SpendPence\":2250,\"medianSpendPence\":4500,\"p75SpendPence\":6750,\"p90SpendPence\":8100,"
                + "\"medianMinutes\":63,\"p90Minutes\":109,\"medianContacts\":2},");
        assertThat(get("/cost?organisation=" + CRAIG + "&from=2026-04-01").body())
                .as("April only: a call and a message, no spend")
                .contains("{\"organisation\":\"practice-craig\",\"per\":\"person\",\"count\":2,\"contacts\":2,\"minutes\":20,\"spendPence\":0,");

        assertThat(get("/soft-measures?organisation=" + CRAIG).body()).isEqualTo("["
                + "{\"month\":\"2026-03\",\"dimension\":\"confidence\",\"meanScore\":4.5,\"scores\":2,\"people\":2},"
                + "{\"month\":\"2026-04\",\"dimension\":\"confidence\",\"meanScore\":7.0,\"scores\":1,\"people\":1}]");

        String library = get("/learning?q=" + enc("bailiffs council") + "&organisation=" + CRAIG).body();
        assertThat(library).contains("\"kind\":\"experiment\"").contains("\"id\":\"exp-1\"").doesNotContain("cyc-team");
        assertThat(get("/learning?q=" + enc("\"share outreach\"")).body()).contains("\"id\":\"cyc-team\"").doesNotContain("exp-1");
        assertThat(get("/learning?q=" + enc("bailiff -council")).body())
                .as("websearch syntax: the place cycle mentions bailiffs without the council")
                .contains("\"id\":\"cyc-place\"").doesNotContain("exp-1");
        HttpResponse<String> csv = get("/learning?format=csv&q=bailiffs&organisation=" + CRAIG);
        assertThat(csv.body()).startsWith("kind,organisation,id,theme,scale,text,publishedAt,rank\r\n"
                + "experiment,practice-craig,exp-1,debt,,\"Phoning the council's revenues team together, \"\"on speaker\"\", "
                + "stopped the bailiffs within a week\",2026-04-10T10:00:00Z,");

        String issues = get("/issues?organisation=" + CRAIG).body();
        assertThat(issues).contains("\"issueId\":\"iss-7\",\"revision\":2").contains("\"status\":\"closed\"")
                .contains("\"peopleSeen\":1").doesNotContain("\"revision\":1");
        assertThat(get("/issues?organisation=" + CRAIG + "&status=open").body()).isEqualTo("[]");
        assertThat(get("/issues?organisation=" + CRAIG + "&level=2&owner=leadership&systemActor=police").body()).contains("iss-7");
        HttpResponse<String> badIssueFilters = get("/issues?level=7&owner=mayor&status=pending");
        assertThat(badIssueFilters.statusCode()).isEqualTo(400);
        assertThat(badIssueFilters.body()).contains("\"field\":\"level\"").contains("\"field\":\"owner\"").contains("\"field\":\"status\"");

        assertThat(get("/lm3?basis=actual").body()).contains(
                "{\"scale\":\"project\",\"organisation\":\"practice-craig\",\"projectId\":\"proj-a\",\"projectName\":\"Project proj-a, the \\\"local\\\" one\",\"basis\":\"actual\",\"projects\":1,\"r1Pence\":100000,\"r2Pence\":50000,\"r3Pence\":20000,\"lm3\":1.70}",
                // Income-weighted: (400000 + 110000 + 50000) / 400000 = 1.40, not the mean of 1.70 and 1.30.
                "{\"scale\":\"organisation\",\"organisation\":\"practice-craig\",\"projectId\":null,\"projectName\":null,\"basis\":\"actual\",\"projects\":2,\"r1Pence\":400000,\"r2Pence\":110000,\"r3Pence\":50000,\"lm3\":1.40}");
        assertThat(get("/lm3?basis=actual").body()).contains("{\"scale\":\"consortium\",\"organisation\":null");

        assertThat(get("/learning-cycles/connections?organisation=" + CRAIG).body()).isEqualTo("["
                + "{\"fromOrganisation\":\"practice-craig\",\"fromCycleId\":\"cyc-team\",\"fromScale\":\"team\",\"toCycleId\":\"cyc-place\","
                + "\"toOrganisation\":\"practice-loch\",\"toScale\":\"place\"}]");
        assertThat(get("/learning-cycles?scale=place").body()).contains("cyc-place").doesNotContain("cyc-team");

        assertIssueSignal();
    }

    private void assertIssueSignal() {
        String key = IssueSignal.issueKey(CRAIG, "iss-7");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = RealKafka.readAll(Topics.PLACE_EVIDENCE, Duration.ofSeconds(10));
            List<ConsumerRecord<String, byte[]>> forIssue = records.stream().filter(r -> key.equals(r.key())).toList();
            assertThat(forIssue).isNotEmpty();
            IssueSignal signal = (IssueSignal) ContractCodec.standard().fromRecord(forIssue.get(forIssue.size() - 1));
            assertThat(signal.revision()).isEqualTo(2);
            assertThat(signal.owner()).isEqualTo("leadership");
            // Ishbel at the craig and Lachie at the loch met substance use caused by the police.
            assertThat(signal.people().shown()).isEqualTo("<5");
            assertThat(signal.people().value()).as("a small count travels without its value").isNull();
            assertThat(signal.organisations().value()).isEqualTo(2);
            assertThat(signal.firstSeen()).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
            assertThat(signal.lastSeen()).isEqualTo(Instant.parse("2026-04-10T10:00:00Z"));
            assertThat(signal.windows()).extracting(w -> w.days()).containsExactly(30, 90, 365);
        });
    }

    private static ContactRecorded contact(String organisation, String pseudonym, String journey, String kind, int minutes,
                                           long pence, Instant at) {
        return new ContactRecorded(UUID.randomUUID().toString(), at, organisation, pseudonym, journey,
                "c-" + UUID.randomUUID(), kind, minutes, pence);
    }

    private static SoftMeasureScored score(String organisation, String pseudonym, String dimension, int score, Instant at) {
        return new SoftMeasureScored(UUID.randomUUID().toString(), at, organisation, pseudonym, "j-" + pseudonym.substring(0, 8),
                dimension, score);
    }

    private static IssuePublished issue(String organisation, String issueId, int revision, String status, Instant at) {
        return new IssuePublished(UUID.randomUUID().toString(), at, organisation, issueId, revision,
                "Bailiffs sent for council tax arrears while a crisis grant is pending", 2, status, "leadership",
                "Call the revenues team with the person", "Hold recovery while a grant is pending",
                List.of("substance-use"), List.of("police"), 4, 3);
    }

    private static Lm3Reported lm3(String organisation, String project, long r1, long r2, long r3) {
        return new Lm3Reported(UUID.randomUUID().toString(), Instant.parse("2026-05-01T09:00:00Z"), organisation, project,
                "Project " + project + ", the \"local\" one", "actual", r1, r2, r3, Lm3Reported.lm3(r1, r2, r3));
    }

    private static String enc(String query) {
        return java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", TestIdentity.bearer(TestIdentity.placeLead())).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
