package org.bothy.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.JourneyClosed;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole journey walked over HTTP on a real PostgreSQL and a real Kafka broker: what matters, a life as a system,
 * conversations, a barrier, an experiment, the "£90 + 6 visits + 9 calls" of contacts, soft measures and closure;
 * then the cost, the graph, the timeline, the caseload, a stale edit refused, and the contracts that crossed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.organisation=" + JourneyPracticeOverHttpTest.ORGANISATION,
        "bothy.pseudonym-key=" + JourneyPracticeOverHttpTest.KEY,
        "bothy.publisher.acknowledgement-timeout=4s"})
class JourneyPracticeOverHttpTest {

    static final String ORGANISATION = "move-on";
    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String TOPIC = "bothy.learning." + ORGANISATION;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PRIVATE_TEXT = List.of("Mr Gray", "sleeps on the couch", "bus fare",
            "shouted at", "my boy back", "witness", "cope now", "rent arrears", "damp");

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "partner_journey_practice");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String subject = "dsw-" + UUID.randomUUID();
    private final String worker = TestIdentity.worker(ORGANISATION, subject);

    @Test
    void aWholeJourneyIsRecordedCostedDrawnAndSharedWithoutItsPrivateText() throws Exception {
        JsonNode opened = JSON.readTree(send("POST", "/journeys", null, """
                {"person": {"fullName": "Kirsty Munro", "dateOfBirth": "1992-08-30"}, "door": "drop-in",
                 "consents": ["share-learning"]}""").body());
        String journeyId = opened.get("journeyId").asText();
        String pseudonym = opened.get("pseudonym").asText();
        String path = "/journeys/" + journeyId;
        assertThat(send("GET", path, null, null).headers().firstValue("ETag")).hasValue("\"0\"");

        HttpResponse<String> matters = send("PUT", path + "/what-matters", "\"0\"", """
                {"inTheirWords": "Getting my boy back and keeping this flat"}""");
        assertThat(matters.statusCode()).isEqualTo(204);
        assertThat(matters.headers().firstValue("ETag")).hasValue("\"1\"");

        String landlord = id(send("POST", path + "/system/actors", "\"1\"", """
                {"kind": "private-landlord", "label": "Mr Gray"}"""));
        String sister = id(send("POST", path + "/system/actors", null, """
                {"kind": "family", "label": "her sister, where she sleeps on the couch"}"""));
        String debt = id(send("POST", path + "/system/factors", null, """
                {"theme": "debt", "words": "rent arrears of £400"}"""));
        String owes = id(send("POST", path + "/system/relationships", null,
                "{\"from\": \"" + landlord + "\", \"to\": \"" + debt + "\", \"nature\": \"is owed\"}"));
        String argues = id(send("POST", path + "/system/relationships", null,
                "{\"from\": \"" + sister + "\", \"to\": \"" + landlord + "\", \"nature\": \"shouted at\"}"));
        assertThat(send("PUT", path + "/system/relationships/" + argues, null,
                "{\"from\": \"" + sister + "\", \"to\": \"" + landlord + "\", \"nature\": \"spoke up to\"}")
                .statusCode()).isEqualTo(204);
        assertThat(send("DELETE", path + "/system/actors/" + sister, null, null).statusCode()).isEqualTo(204);

        assertThat(send("POST", path + "/conversations", null, """
                {"heldOn": "2026-03-02", "note": "Mr Gray shouted at her on the stair"}""").statusCode())
                .isEqualTo(201);
        assertThat(send("POST", path + "/barriers", null, """
                {"theme": "housing", "systemActor": "private-landlord", "level": 2, "note": "damp in the bedroom",
                 "observedOn": "2026-02-27"}""").statusCode()).isEqualTo(201);
        String experiment = JSON.readTree(send("POST", path + "/experiments", null, """
                {"theme": "debt", "question": "Will a joint call with the council stop the arrears growing?",
                 "actions": "Call together from the drop-in", "dataToCollect": "Arrears on the next statement",
                 "safeToFail": "Nothing is agreed without her", "countermeasures": "Foodbank meanwhile"}""")
                .body()).get("experimentId").asText();
        assertThat(send("POST", path + "/experiments/" + experiment + "/conclusion", null, """
                {"outcome": "Arrears frozen", "learning": "She needed a witness on the call",
                 "learningSummary": "A joint call with a support worker froze arrears within a week"}""")
                .statusCode()).isEqualTo(204);

        // the "£90 + 6 visits + 9 calls" of a case: six visits of 40 minutes with £15 of spend, nine calls
        for (int visit = 0; visit < 6; visit++) {
            assertThat(send("POST", path + "/contacts", null, """
                    {"kind": "visit", "on": "2026-03-0%d", "minutes": 40, "spendPence": 1500,
                     "spentOn": "bus fare and a sandwich"}""".formatted(visit + 1)).statusCode()).isEqualTo(201);
        }
        for (int call = 0; call < 9; call++) {
            assertThat(send("POST", path + "/contacts", null, "{\"kind\": \"call\", \"minutes\": "
                    + (call < 4 ? 20 : 4) + "}").statusCode()).isEqualTo(201);
        }
        assertThat(send("POST", path + "/soft-measures", null, """
                {"dimension": "confidence", "score": 4, "scoredOn": "2026-03-01"}""").statusCode()).isEqualTo(201);
        assertThat(send("POST", path + "/soft-measures", null, """
                {"dimension": "confidence", "score": 7}""").statusCode()).isEqualTo(201);

        JsonNode cost = JSON.readTree(send("GET", path + "/cost", null, null).body());
        assertThat(cost.get("spendPence").asLong()).isEqualTo(9000);
        assertThat(cost.get("visits").asInt()).isEqualTo(6);
        assertThat(cost.get("calls").asInt()).isEqualTo(9);
        assertThat(cost.get("minutes").asInt()).isEqualTo(340);
        assertThat(cost.get("summary").asText()).isEqualTo("£90.00, 6 visits, 9 calls, 5 h 40 min");

        JsonNode graph = JSON.readTree(send("GET", path + "/system", null, null).body());
        assertThat(StreamSupport.stream(graph.get("nodes").spliterator(), false).map(node -> node.get("id").asText()))
                .containsExactly(landlord, debt);
        assertThat(graph.get("edges")).hasSize(1);
        assertThat(graph.get("edges").get(0).get("id").asText()).isEqualTo(owes);
        assertThat(graph.get("edges").get(0).get("nature").asText()).isEqualTo("is owed");

        HttpResponse<String> read = send("GET", path, null, null);
        JsonNode view = JSON.readTree(read.body());
        long version = view.get("version").asLong();
        assertThat(read.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
        assertThat(view.get("whatMatters").asText()).startsWith("Getting my boy back");
        assertThat(view.get("cost").get("summary").asText()).isEqualTo("£90.00, 6 visits, 9 calls, 5 h 40 min");
        assertThat(view.get("barriers").get(0).get("observedOn").asText()).isEqualTo("2026-02-27");
        assertThat(view.get("experiments").get(0).get("learningSummary").asText()).contains("froze arrears");

        // a second worker's view from version 1 is stale now: refused, saying what was recorded since, no text
        HttpResponse<String> stale = send("PUT", path + "/what-matters", "\"1\"", """
                {"inTheirWords": "something else"}""");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode conflict = JSON.readTree(stale.body());
        assertThat(conflict.get("currentVersion").asLong()).isEqualTo(version);
        assertThat(conflict.get("recordedSince")).hasSize((int) (version - 1));
        assertThat(conflict.get("recordedSince").get(0).get("type").asText()).isEqualTo("ActorAdded");
        assertThat(conflict.get("recordedSince").get(0).get("recordedAt").asText()).isNotBlank();
        PRIVATE_TEXT.forEach(text -> assertThat(stale.body()).doesNotContain(text));
        assertThat(send("PUT", path + "/what-matters", "\"" + (version + 5) + "\"", """
                {"inTheirWords": "from the future"}""").statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(send("GET", path, null, null).body()).get("whatMatters").asText())
                .startsWith("Getting my boy back");

        JsonNode first = JSON.readTree(send("GET", path + "/timeline?page=0&size=10", null, null).body());
        assertThat(first.get("totalItems").asLong()).isEqualTo(version + 1);
        assertThat(first.get("totalPages").asLong()).isEqualTo((version + 1 + 9) / 10);
        assertThat(first.get("items")).hasSize(10);
        assertThat(first.get("items").get(0).get("type").asText()).isEqualTo("JourneyOpened");
        assertThat(first.get("items").get(1).get("fact").get("inTheirWords").asText()).startsWith("Getting my boy");
        assertThat(first.get("items").get(1).get("recordedBy").asText()).isEqualTo(subject);
        JsonNode last = JSON.readTree(send("GET", path + "/timeline?page=" + (first.get("totalPages").asLong() - 1)
                + "&size=10", null, null).body());
        JsonNode lastItems = last.get("items");
        assertThat(lastItems.get(lastItems.size() - 1).get("version").asLong()).isEqualTo(version);
        assertThat(lastItems.get(lastItems.size() - 1).get("type").asText()).isEqualTo("SoftMeasureScored");

        assertThat(send("POST", path + "/closure", "\"" + version + "\"", """
                {"inTheirWords": "I feel I can cope now"}""").statusCode()).isEqualTo(204);

        // the caseload: the open journey comes before the closed one, whatever was touched last
        String other = JSON.readTree(send("POST", "/journeys", null, """
                {"person": {"fullName": "Dougie Lennox", "dateOfBirth": "1969-01-12"}, "door": "outreach"}""")
                .body()).get("journeyId").asText();
        JsonNode caseload = JSON.readTree(send("GET", "/caseload?page=0&size=1", null, null).body());
        assertThat(caseload.get("totalItems").asLong()).isEqualTo(2);
        assertThat(caseload.get("totalPages").asLong()).isEqualTo(2);
        assertThat(caseload.get("items").get(0).get("journeyId").asText()).isEqualTo(other);
        assertThat(caseload.get("items").get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(caseload.get("items").get(0).get("openedByMe").asBoolean()).isTrue();
        JsonNode second = JSON.readTree(send("GET", "/caseload?page=1&size=1", null, null).body());
        assertThat(second.get("items").get(0).get("journeyId").asText()).isEqualTo(journeyId);
        assertThat(second.get("items").get(0).get("status").asText()).isEqualTo("CLOSED");

        JsonNode closedOnes = JSON.readTree(send("GET", "/journeys?status=CLOSED&size=200", null, null).body());
        assertThat(StreamSupport.stream(closedOnes.get("items").spliterator(), false)
                .map(journey -> journey.get("journeyId").asText())).contains(journeyId).doesNotContain(other);
        assertThat(closedOnes.get("items")).allSatisfy(journey ->
                assertThat(journey.get("status").asText()).isEqualTo("CLOSED"));
        JsonNode all = JSON.readTree(send("GET", "/journeys?page=0&size=200", null, null).body());
        assertThat(all.get("items").get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(all.get("totalItems").asLong()).isEqualTo(all.get("items").size());

        List<ContractEvent> shared = contractsFor(pseudonym, 21);
        assertThat(shared).filteredOn(ContactRecorded.class::isInstance).hasSize(15);
        assertThat(shared).filteredOn(SoftMeasureScored.class::isInstance).hasSize(2);
        assertThat(shared).filteredOn(BarrierObserved.class::isInstance).singleElement()
                .satisfies(barrier -> assertThat(((BarrierObserved) barrier).observedOn())
                        .isEqualTo(LocalDate.of(2026, 2, 27)));
        assertThat(shared).filteredOn(ExperimentConcluded.class::isInstance).singleElement()
                .satisfies(concluded -> {
                    assertThat(((ExperimentConcluded) concluded).learningSummary())
                            .isEqualTo("A joint call with a support worker froze arrears within a week");
                    assertThat(((ExperimentConcluded) concluded).theme()).isEqualTo("debt");
                });
        assertThat(shared).filteredOn(JourneyClosed.class::isInstance).hasSize(1);
        long sharedSpend = shared.stream().filter(ContactRecorded.class::isInstance)
                .mapToLong(contact -> ((ContactRecorded) contact).spendPence()).sum();
        assertThat(sharedSpend).isEqualTo(9000);
        for (ConsumerRecord<String, byte[]> record : recordsFor(pseudonym, 21)) {
            String payload = new String(record.value(), StandardCharsets.UTF_8);
            PRIVATE_TEXT.forEach(text -> assertThat(payload).doesNotContain(text));
            assertThat(payload).doesNotContain("Kirsty").doesNotContain("Arrears frozen");
        }
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndNothingIsStored() throws Exception {
        String journeyId = JSON.readTree(send("POST", "/journeys", null, """
                {"person": {"fullName": "Ross Baird", "dateOfBirth": "1980-04-04"}, "door": "drop-in"}""").body())
                .get("journeyId").asText();
        String path = "/journeys/" + journeyId;
        long before = storedEvents();

        JsonNode pigeon = problem(send("POST", path + "/contacts", null, """
                {"kind": "carrier-pigeon", "minutes": 5}"""), "kind");
        assertThat(pigeon.get("errors").get(0).get("reason").asText()).contains("visit").contains("meeting");
        problem(send("POST", path + "/contacts", null, """
                {"kind": "call", "minutes": -3, "spendPence": -1}"""), "minutes", "spendPence");
        problem(send("POST", path + "/soft-measures", null, """
                {"dimension": "confidence", "score": 11}"""), "score");
        JsonNode luck = problem(send("POST", path + "/soft-measures", null, """
                {"dimension": "luck", "score": 5}"""), "dimension");
        assertThat(luck.get("errors").get(0).get("reason").asText()).contains("confidence");
        problem(send("POST", path + "/system/actors", null, """
                {"kind": "wizard", "label": "x"}"""), "kind");
        problem(send("POST", path + "/system/factors", null, """
                {"theme": "weather"}"""), "theme");
        problem(send("POST", path + "/system/relationships", null, """
                {"from": "nowhere", "to": "nobody", "nature": "haunts"}"""), "from");
        problem(send("PUT", path + "/what-matters", "yesterday's", """
                {"inTheirWords": "x"}"""), "If-Match");
        problem(send("GET", path + "/timeline?page=-1&size=500", null, null), "page", "size");
        problem(send("GET", "/journeys?status=MAYBE", null, null), "status");
        assertThat(send("DELETE", path + "/system/actors/" + UUID.randomUUID(), null, null).statusCode())
                .isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherOrganisationsWorkerHasNoCaseloadHere() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/caseload"))
                .header("Authorization", TestIdentity.bearer(TestIdentity.worker("fresh-start"))).GET().build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    private JsonNode problem(HttpResponse<String> response, String... fields) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asText())).contains(fields);
        return problem;
    }

    private static String id(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static List<ContractEvent> contractsFor(String pseudonym, int expected) {
        List<ContractEvent> contracts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : recordsFor(pseudonym, expected)) {
            contracts.add(ContractCodec.standard().fromRecord(record));
        }
        return contracts;
    }

    private static List<ConsumerRecord<String, byte[]>> recordsFor(String pseudonym, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<String, byte[]>> mine = List.of();
        while (mine.size() < expected && System.nanoTime() < deadline) {
            mine = RealKafka.readAll(TOPIC, Duration.ofSeconds(10)).stream()
                    .filter(record -> pseudonym.equals(record.key()))
                    .toList();
        }
        return mine;
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestIdentity.bearer(worker))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
