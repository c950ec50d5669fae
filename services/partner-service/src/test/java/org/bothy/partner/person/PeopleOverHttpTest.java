package org.bothy.partner.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * People on a real PostgreSQL and a real Kafka broker: details sealed under their own key, consent per scope, the
 * consortium hearing only what consent allows, erasure that leaves nothing readable, the subject access export and
 * the audit log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.organisation=" + PeopleOverHttpTest.ORGANISATION,
        "bothy.pseudonym-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "bothy.publisher.acknowledgement-timeout=4s",
        "bothy.consent.expiry-check-ms=500"})
class PeopleOverHttpTest {

    static final String ORGANISATION = "fresh-start";
    private static final String TOPIC = "bothy.learning." + ORGANISATION;
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "partner_person_test");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String worker = TestIdentity.worker(ORGANISATION);
    private final String lead = TestIdentity.lead(ORGANISATION);

    @Test
    void aRegisteredPersonsDetailsAreSealedAndReadBackOnlyHere(CapturedOutput logs) throws Exception {
        String name = unique("Eilidh Fraser");
        HttpResponse<String> registered = post("/people", worker, """
                {"fullName": "%s", "dateOfBirth": "1992-08-30",
                 "contact": {"phone": "0131 496 0000", "email": "eilidh@example.org", "address": "1 Pennywell Road"},
                 "consents": ["share-learning", "referral:move-on"]}""".formatted(name));
        assertThat(registered.statusCode()).isEqualTo(201);
        String personId = JSON.readTree(registered.body()).get("personId").asText();
        assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/people/" + personId));

        JsonNode person = JSON.readTree(get("/people/" + personId, worker).body());
        assertThat(person.get("erased").asBoolean()).isFalse();
        assertThat(person.get("fullName").asText()).isEqualTo(name);
        assertThat(person.get("dateOfBirth").asText()).isEqualTo("1992-08-30");
        assertThat(person.get("contact").get("email").asText()).isEqualTo("eilidh@example.org");
        assertThat(person.get("consents")).extracting(consent -> consent.get("scope").asText() + "="
                + consent.get("status").asText()).containsExactly("share-learning=ACTIVE", "referral:move-on=ACTIVE");

        assertThat(rawBytesOfEveryTable()).doesNotContain(name).doesNotContain("Pennywell")
                .doesNotContain(hex(name)).doesNotContain(hex("Pennywell"));
        assertThat(jdbc.queryForObject("select count(*) from person_key where person_id = ?", Integer.class,
                personId)).isEqualTo(1);
        assertThat(post("/people", worker, """
                {"fullName": "%s", "dateOfBirth": "1992-08-30"}""".formatted(name)).statusCode()).isEqualTo(409);
        assertThat(logs.getAll()).doesNotContain(name).doesNotContain("Pennywell").doesNotContain("eilidh@");
    }

    @Test
    void onlyWhatHappensUnderShareConsentReachesTheConsortium() throws Exception {
        String without = openJourney(unique("Callum Wilson"), "1980-01-01", false).get("pseudonym").asText();
        JsonNode withConsent = openJourney(unique("Shona Reid"), "1985-03-03", true);
        String journeyId = withConsent.get("journeyId").asText();
        recordBarrier(journeyId);

        List<ConsumerRecord<String, byte[]>> shared = recordsFor(withConsent.get("pseudonym").asText(), 2);
        assertThat(shared).extracting(record -> header(record, "ce_type")).containsExactly(
                "org.bothy.learning.JourneyOpened.v1", "org.bothy.learning.BarrierObserved.v2");
        // the publisher reads the store in order: the earlier person's events were seen and withheld
        assertThat(keysOnTopic()).doesNotContain(without);
    }

    @Test
    void afterRevocationNothingMoreIsShared() throws Exception {
        JsonNode opened = openJourney(unique("Kirsty Bell"), "1990-02-02", true);
        String personId = opened.get("personId").asText();
        String pseudonym = opened.get("pseudonym").asText();
        recordsFor(pseudonym, 1);

        assertThat(delete("/people/" + personId + "/consents/share-learning", worker).statusCode()).isEqualTo(204);
        assertThat(post("/people/" + personId + "/consents/share-learning/revocation", worker, "").statusCode())
                .isEqualTo(409);
        recordBarrier(opened.get("journeyId").asText());
        // a later person's event arriving shows the publisher has passed the barrier above
        String marker = openJourney(unique("Marker Person"), "1970-07-07", true).get("pseudonym").asText();
        recordsFor(marker, 1);

        // the withdrawal is told once, and nothing recorded after it follows
        assertThat(recordsFor(pseudonym, 2)).extracting(record -> header(record, "ce_type")).containsExactly(
                "org.bothy.learning.JourneyOpened.v1", "org.bothy.learning.ConsentWithdrawn.v1");
        JsonNode consents = JSON.readTree(get("/people/" + personId + "/consents", worker).body());
        assertThat(consents.get(0).get("status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void anExpiredConsentCountsAsWithdrawn() throws Exception {
        JsonNode opened = openJourney(unique("Ross Murray"), "1977-04-04", false);
        String personId = opened.get("personId").asText();
        String pseudonym = opened.get("pseudonym").asText();
        Instant expiry = Instant.now().plusSeconds(3);
        HttpResponse<String> given = post("/people/" + personId + "/consents", worker, """
                {"scope": "share-learning", "expiresAt": "%s"}""".formatted(expiry));
        assertThat(given.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(given.body()).get("status").asText()).isEqualTo("ACTIVE");
        String beforeExpiry = recordBarrier(opened.get("journeyId").asText());
        assertThat(recordsFor(pseudonym, 1)).hasSize(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from consent where person_id = ? and ended_at is not null", Integer.class,
                personId) == 1);
        recordBarrier(opened.get("journeyId").asText());
        String marker = openJourney(unique("Marker Person"), "1971-07-07", true).get("pseudonym").asText();
        recordsFor(marker, 1);

        // the journey was opened before consent: only the barrier recorded under it was shared, then the expiry
        List<ConsumerRecord<String, byte[]>> shared = recordsFor(pseudonym, 2);
        assertThat(shared).extracting(record -> header(record, "ce_type")).containsExactly(
                "org.bothy.learning.BarrierObserved.v2", "org.bothy.learning.ConsentWithdrawn.v1");
        assertThat(new String(shared.get(0).value(), StandardCharsets.UTF_8)).contains(beforeExpiry);
        JsonNode consents = JSON.readTree(get("/people/" + personId + "/consents", worker).body());
        assertThat(consents.get(0).get("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aPersonsRecordsThatCannotBeKeptFailTheCommandRatherThanBeingLoggedAndLost() {
        // erasure destroys the key in these handlers: a failure swallowed there would leave the details readable
        assertThat(processing.listenerInvocationErrorHandler(PersonRecords.PROCESSOR))
                .isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class);
    }

    @Test
    void erasureLeavesNothingReadable() throws Exception {
        String name = unique("Fiona Campbell");
        JsonNode registered = JSON.readTree(post("/people", worker, """
                {"fullName": "%s", "dateOfBirth": "1969-12-24", "contact": {"address": "22 Muirhouse Avenue"},
                 "consents": ["share-learning"]}""".formatted(name)).body());
        String personId = registered.get("personId").asText();
        JsonNode opened = JSON.readTree(post("/journeys", worker, """
                {"personId": "%s", "door": "drop-in"}""".formatted(personId)).body());
        String journeyId = opened.get("journeyId").asText();
        assertThat(opened.get("personId").asText()).isEqualTo(personId);
        // shared while consent stood (had the publisher not got there before the erasure, it never would)
        assertThat(recordsFor(registered.get("pseudonym").asText(), 1)).hasSize(1);

        assertThat(post("/people/" + personId + "/erasure", worker, "").statusCode()).isEqualTo(403);
        assertThat(post("/people/" + personId + "/erasure", lead, "").statusCode()).isEqualTo(204);
        assertThat(post("/people/" + personId + "/erasure", lead, "").statusCode()).isEqualTo(409);

        assertThat(jdbc.queryForObject("select count(*) from person_key where person_id = ?", Integer.class,
                personId)).isZero();
        String everything = rawBytesOfEveryTable();
        assertThat(everything).doesNotContain(name).doesNotContain(hex(name)).doesNotContain("Muirhouse")
                .doesNotContain(hex("Muirhouse"));
        JsonNode person = JSON.readTree(get("/people/" + personId, worker).body());
        assertThat(person.get("erased").asBoolean()).isTrue();
        assertThat(person.has("fullName")).isFalse();
        assertThat(person.has("dateOfBirth")).isFalse();
        assertThat(JSON.readTree(get("/journeys/" + journeyId, worker).body()).get("person").get("erased")
                .asBoolean()).isTrue();
        assertThat(JSON.readTree(get("/people/" + personId + "/export", worker).body()).get("person")
                .get("erased").asBoolean()).isTrue();
        assertThat(post("/people/" + personId + "/consents", worker, """
                {"scope": "share-learning"}""").statusCode()).isEqualTo(409);
        assertThat(post("/journeys", worker, """
                {"personId": "%s", "door": "drop-in"}""".formatted(personId)).statusCode()).isEqualTo(409);
        assertThat(recordsFor(registered.get("pseudonym").asText(), 2)).extracting(record -> header(record,
                "ce_type")).containsExactly("org.bothy.learning.JourneyOpened.v1", "org.bothy.learning.PersonErased.v1");
    }

    @Test
    void theExportHoldsEverythingAboutThePersonAndWhoLookedAtIt() throws Exception {
        String name = unique("Andrew Scott");
        JsonNode opened = openJourney(name, "1999-09-09", true);
        String personId = opened.get("personId").asText();
        recordBarrier(opened.get("journeyId").asText());
        get("/journeys/" + opened.get("journeyId").asText(), worker);

        JsonNode export = JSON.readTree(get("/people/" + personId + "/export", worker).body());

        assertThat(export.get("person").get("fullName").asText()).isEqualTo(name);
        assertThat(export.get("person").get("consents").get(0).get("scope").asText()).isEqualTo("share-learning");
        assertThat(export.get("journeys")).hasSize(1);
        assertThat(export.get("journeys").get(0).get("barriers").get(0).get("note").asText()).contains("Repairs");
        assertThat(export.get("access")).extracting(entry -> entry.get("action").asText())
                .contains("person.register", "journey.open", "journey POST /journeys/{journeyId}/barriers",
                        "journey GET /journeys/{journeyId}", "person.export");
    }

    @Test
    void aLeadReadsTheAuditLogAndAWorkerMayNot() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String personId = JSON.readTree(post("/people", worker, """
                {"fullName": "%s", "dateOfBirth": "1960-06-06"}""".formatted(unique("Isla Brown"))).body())
                .get("personId").asText();
        get("/people/" + personId, worker);
        get("/people/" + personId + "/consents", lead);

        assertThat(get("/audit?personId=" + personId, worker).statusCode()).isEqualTo(403);
        assertThat(get("/audit?personId=" + personId, TestIdentity.lead("move-on")).statusCode()).isEqualTo(403);
        HttpResponse<String> read = get("/audit?personId=" + personId + "&from=" + from + "&size=2", lead);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(read.body());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("entries")).hasSize(2);
        assertThat(page.get("entries").get(0).get("action").asText()).isEqualTo("consent.read");
        assertThat(page.get("entries").get(0).get("role").asText()).isEqualTo("lead");
        assertThat(page.get("entries").get(0).get("subject").asText()).startsWith("test-lead-");
        JsonNode second = JSON.readTree(get("/audit?personId=" + personId + "&size=2&page=1", lead).body());
        assertThat(second.get("entries")).extracting(entry -> entry.get("action").asText())
                .containsExactly("person.register");
        assertProblem(get("/audit?size=0&page=-1", lead), "size", "page");
    }

    @Test
    void badRequestsNameTheirFieldsAndStoreNothing() throws Exception {
        long events = storedEvents();
        long people = jdbc.queryForObject("select count(*) from person", Long.class);

        assertProblem(post("/people", worker, """
                {"dateOfBirth": "2090-01-01", "contact": {"email": "not-an-address"}}"""),
                "fullName", "dateOfBirth", "contact.email");
        assertProblem(post("/people", worker, """
                {"fullName": "Test Person", "dateOfBirth": "1990-01-01", "consents": ["share-everything",
                 "referral:hogwarts", "referral:fresh-start"]}"""), "consents[0]", "consents[1]", "consents[2]");
        assertProblem(post("/journeys", worker, """
                {"door": "drop-in"}"""), "personId");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(people);

        String personId = JSON.readTree(post("/people", worker, """
                {"fullName": "%s", "dateOfBirth": "1990-01-01"}""".formatted(unique("Valid Person"))).body())
                .get("personId").asText();
        long afterRegistering = storedEvents();
        assertProblem(post("/people/" + personId + "/consents", worker, """
                {"scope": "referral:nowhere"}"""), "scope");
        assertProblem(post("/people/" + personId + "/consents", worker, """
                {"scope": "share-learning", "expiresAt": "2020-01-01T00:00:00Z"}"""), "expiresAt");
        assertThat(storedEvents()).isEqualTo(afterRegistering);
        assertThat(get("/people/" + UUID.randomUUID(), worker).statusCode()).isEqualTo(404);
        assertThat(get("/people/" + personId, TestIdentity.worker("move-on")).statusCode()).isEqualTo(403);
    }

    private JsonNode openJourney(String fullName, String dateOfBirth, boolean shares) throws Exception {
        HttpResponse<String> opened = post("/journeys", worker, """
                {"person": {"fullName": "%s", "dateOfBirth": "%s"}, "door": "drop-in"%s}""".formatted(fullName,
                dateOfBirth, shares ? ", \"consents\": [\"share-learning\"]" : ""));
        assertThat(opened.statusCode()).isEqualTo(201);
        return JSON.readTree(opened.body());
    }

    private String recordBarrier(String journeyId) throws Exception {
        HttpResponse<String> recorded = post("/journeys/" + journeyId + "/barriers", worker, """
                {"theme": "housing", "systemActor": "council-housing", "level": 2, "note": "Repairs not done"}""");
        assertThat(recorded.statusCode()).isEqualTo(201);
        return JSON.readTree(recorded.body()).get("barrierId").asText();
    }

    private String rawBytesOfEveryTable() {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class)) {
            jdbc.query("select t::text from " + table + " t", row -> {
                all.append(row.getString(1)).append('\n');
            });
            if ("domain_event_entry".equals(table)) {
                jdbc.query("select payload from domain_event_entry", row -> {
                    all.append(new String(row.getBytes(1), StandardCharsets.UTF_8)).append('\n');
                });
            }
        }
        return all.toString();
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unique(String name) {
        // letters only, so that the pseudonym's normalisation keeps it as it is
        StringBuilder suffix = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            suffix.append((char) ('a' + Character.digit(c, 16)));
        }
        return name + " " + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static void assertProblem(HttpResponse<String> response, String... fields) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asText())).contains(fields);
    }

    private static List<String> keysOnTopic() {
        return RealKafka.readAll(TOPIC, Duration.ofSeconds(10)).stream().map(ConsumerRecord::key).toList();
    }

    static List<ConsumerRecord<String, byte[]>> recordsFor(String pseudonym, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        while (mine.size() < expected && System.nanoTime() < deadline) {
            mine = RealKafka.readAll(TOPIC, Duration.ofSeconds(10)).stream()
                    .filter(record -> pseudonym.equals(record.key()))
                    .toList();
        }
        return mine;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    private HttpResponse<String> delete(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
