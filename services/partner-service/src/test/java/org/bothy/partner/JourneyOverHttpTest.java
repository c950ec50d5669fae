package org.bothy.partner;

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
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.privacy.Pseudonymiser;
import org.bothy.partner.publishing.LearningPublisher;
import org.bothy.partner.publishing.PublisherLag;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The partner service end to end on a real PostgreSQL, a real Kafka broker and real tokens: a worker opens a journey
 * and records a barrier over HTTP, and the learning contracts arrive on {@code bothy.learning.fresh-start}.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.organisation=" + JourneyOverHttpTest.ORGANISATION,
        "bothy.pseudonym-key=" + JourneyOverHttpTest.KEY,
        "bothy.publisher.acknowledgement-timeout=4s",
        // not the broker's or the test kit's default of 3, so the test sees that the service created the topic
        "bothy.publisher.partitions=4"})
class JourneyOverHttpTest {

    static final String ORGANISATION = "fresh-start";
    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String TOPIC = "bothy.learning." + ORGANISATION;
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "partner_test");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublisherLag lag;

    @Autowired
    EventProcessingConfiguration processing;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aJourneyAndItsBarrierReachTheConsortiumUnderAPseudonymWithoutTheNote(CapturedOutput logs) throws Exception {
        String worker = TestIdentity.worker(ORGANISATION);
        HttpResponse<String> opened = post("/journeys", worker, """
                {"person": {"fullName": "Morag  MacLéod", "dateOfBirth": "1987-05-14"}, "door": "drop-in",
                 "consents": ["share-learning"]}""");

        assertThat(opened.statusCode()).isEqualTo(201);
        JsonNode journey = JSON.readTree(opened.body());
        String journeyId = journey.get("journeyId").asText();
        String pseudonym = journey.get("pseudonym").asText();
        assertThat(pseudonym).isEqualTo(Pseudonymiser.fromBase64(KEY).pseudonym("morag macleod",
                LocalDate.of(1987, 5, 14)));
        assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/journeys/" + journeyId));

        HttpResponse<String> recorded = post("/journeys/" + journeyId + "/barriers", worker, """
                {"theme": "housing", "systemActor": "council-housing", "level": 2,
                 "note": "Landlord ignoring damp; she is sleeping in the living room"}""");
        assertThat(recorded.statusCode()).isEqualTo(201);
        String barrierId = JSON.readTree(recorded.body()).get("barrierId").asText();

        HttpResponse<String> read = get("/journeys/" + journeyId, TestIdentity.lead(ORGANISATION));
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(read.body());
        assertThat(view.get("pseudonym").asText()).isEqualTo(pseudonym);
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("barriers").get(0).get("note").asText()).contains("damp");
        assertThat(read.body()).doesNotContain("Morag").doesNotContain("1987");

        List<ConsumerRecord<String, byte[]>> mine = recordsFor(pseudonym, 2);
        assertThat(mine).hasSize(2);
        List<String> storedIds = jdbc.queryForList(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, journeyId);

        ConsumerRecord<String, byte[]> first = mine.get(0);
        assertThat(first.key()).isEqualTo(pseudonym);
        assertThat(header(first, "ce_type")).isEqualTo("org.bothy.learning.JourneyOpened.v1");
        assertThat(header(first, "ce_source")).isEqualTo("/bothy/partner/" + ORGANISATION);
        assertThat(header(first, "ce_subject")).isEqualTo(pseudonym);
        assertThat(header(first, "ce_id")).isEqualTo(storedIds.get(0));
        ContractEvent openedContract = ContractCodec.standard().fromRecord(first);
        assertThat(openedContract).isInstanceOfSatisfying(JourneyOpened.class, contract -> {
            assertThat(contract.journeyId()).isEqualTo(journeyId);
            assertThat(contract.organisation()).isEqualTo(ORGANISATION);
            assertThat(contract.door()).isEqualTo("drop-in");
        });

        ConsumerRecord<String, byte[]> second = mine.get(1);
        assertThat(second.key()).isEqualTo(pseudonym);
        assertThat(header(second, "ce_type")).isEqualTo("org.bothy.learning.BarrierObserved.v2");
        assertThat(header(second, "ce_id")).isEqualTo(storedIds.get(1));
        assertThat(header(second, "ce_time")).isNotBlank();
        assertThat(header(second, "ce_dataschema"))
                .isEqualTo("https://schemas.bothy.org/contracts/learning/BarrierObserved.v2.schema.json");
        assertThat(ContractCodec.standard().fromRecord(second)).isEqualTo(new BarrierObserved(storedIds.get(1),
                ((BarrierObserved) ContractCodec.standard().fromRecord(second)).occurredAt(), ORGANISATION,
                pseudonym, journeyId, barrierId, "housing", "council-housing", 2));
        String payload = new String(second.value(), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain("damp").doesNotContain("note").doesNotContain("Morag");

        await().atMost(Duration.ofSeconds(30)).until(() -> lag.events() == 0.0);
        HttpResponse<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("bothy_publisher_lag{")
                .contains("organisation=\"" + ORGANISATION + "\"")
                .contains("bothy_publisher_published_total{");
        assertThat(logs.getAll()).doesNotContain("Morag").doesNotContain("MacLéod").doesNotContain("1987-05-14")
                .doesNotContain("damp");
    }

    @Test
    void whileKafkaRefusesTheTokenStaysAndTheEventFollowsUnderItsOwnIdOnceKafkaAccepts() throws Exception {
        String worker = TestIdentity.worker(ORGANISATION);
        String pseudonym;
        String journeyId;
        // the broker refuses every record on the topic as too large until the limit is lifted again
        limitRecordSize("64");
        try {
            JsonNode opened = JSON.readTree(post("/journeys", worker, """
                    {"person": {"fullName": "Ailsa Grant", "dateOfBirth": "1975-02-28"}, "door": "outreach",
                     "consents": ["share-learning"]}""")
                    .body());
            pseudonym = opened.get("pseudonym").asText();
            journeyId = opened.get("journeyId").asText();

            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).until(() -> lag.events() >= 1);
            assertThat(RealKafka.readAll(TOPIC, Duration.ofSeconds(10)))
                    .noneMatch(record -> pseudonym.equals(record.key()));
        } finally {
            limitRecordSize(String.valueOf(1024 * 1024));
        }

        List<ConsumerRecord<String, byte[]>> arrived = recordsFor(pseudonym, 1);
        String storedId = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ?", String.class,
                journeyId);
        // retries may deliver it more than once; every copy carries the stored event's id, so the place counts it once
        assertThat(arrived).isNotEmpty().allSatisfy(record -> assertThat(header(record, "ce_id")).isEqualTo(storedId));
        await().atMost(Duration.ofSeconds(60)).until(() -> lag.events() == 0.0);
    }

    private static void limitRecordSize(String bytes) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            // the controller has it now; wait until the broker that takes the writes has applied it too
            await().atMost(Duration.ofSeconds(30)).until(() -> bytes.equals(
                    admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                            .get("max.message.bytes").value()));
        }
    }

    @Test
    void thePublisherIsAPooledProcessorThatStopsOnFailureAndCreatesItsTopic() throws Exception {
        assertThat(processing.eventProcessor(LearningPublisher.PROCESSOR, PooledStreamingEventProcessor.class))
                .isPresent();
        assertThat(processing.listenerInvocationErrorHandler(LearningPublisher.PROCESSOR))
                .isInstanceOf(PropagatingErrorHandler.class);
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC)
                    .partitions()).hasSize(4);
        }
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        assertThat(post("/journeys", null, openRequest()).statusCode()).isEqualTo(401);
        assertThat(get("/journeys/any", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherOrganisationsWorkerAPlaceLeadAndAStatutoryBodyAreRefused() throws Exception {
        long before = storedEvents();
        assertThat(post("/journeys", TestIdentity.worker("move-on"), openRequest()).statusCode()).isEqualTo(403);
        assertThat(post("/journeys", TestIdentity.placeLead(), openRequest()).statusCode()).isEqualTo(403);
        assertThat(post("/journeys", TestIdentity.statutory("dwp"), openRequest()).statusCode()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMalformedRequestNamesTheFieldAndStoresNothing(CapturedOutput logs) throws Exception {
        String worker = TestIdentity.worker(ORGANISATION);
        long before = storedEvents();

        HttpResponse<String> noName = post("/journeys", worker, """
                {"person": {"dateOfBirth": "1990-01-01"}, "door": "drop-in"}""");
        assertProblem(noName, "person.fullName");

        HttpResponse<String> badDate = post("/journeys", worker, """
                {"person": {"fullName": "A Person", "dateOfBirth": "14/05/1987"}, "door": "drop-in"}""");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(badDate.body()).doesNotContain("A Person").doesNotContain("14/05/1987");

        String journeyId = JSON.readTree(post("/journeys", worker, openRequest()).body()).get("journeyId").asText();
        long afterOpening = storedEvents();
        // opening also registers the person the first time they are named, so count the journey's own events
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, journeyId)).isEqualTo(1);

        assertProblem(post("/journeys/" + journeyId + "/barriers", worker, """
                {"theme": "housing", "systemActor": "council-housing", "level": 7}"""), "level");
        assertThat(storedEvents()).isEqualTo(afterOpening);
        assertThat(logs.getAll()).doesNotContain("A Person").doesNotContain("14/05/1987")
                .doesNotContain("Jamie Reid");
    }

    @Test
    void anUnknownThemeIsRefusedWithTheValidOnesAndNothingIsStored() throws Exception {
        String worker = TestIdentity.worker(ORGANISATION);
        String journeyId = JSON.readTree(post("/journeys", worker, openRequest()).body()).get("journeyId").asText();
        long before = storedEvents();

        HttpResponse<String> refused = post("/journeys/" + journeyId + "/barriers", worker, """
                {"theme": "weather", "systemActor": "council-housing", "level": 1, "note": "rain"}""");

        JsonNode problem = assertProblem(refused, "theme");
        assertThat(problem.get("errors").get(0).get("reason").asText()).contains("weather").contains("housing");
        assertThat(storedEvents()).isEqualTo(before);

        assertProblem(post("/journeys/" + journeyId + "/barriers", worker, """
                {"theme": "housing", "systemActor": "the-weather", "level": 1}"""), "systemActor");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aClosedJourneyTakesNoMoreBarriers() throws Exception {
        String worker = TestIdentity.worker(ORGANISATION);
        String journeyId = JSON.readTree(post("/journeys", worker, openRequest()).body()).get("journeyId").asText();
        assertThat(post("/journeys/" + journeyId + "/closure", worker, "").statusCode()).isEqualTo(204);
        long before = storedEvents();

        HttpResponse<String> refused = post("/journeys/" + journeyId + "/barriers", worker, """
                {"theme": "housing", "systemActor": "council-housing", "level": 1}""");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(JSON.readTree(get("/journeys/" + journeyId, worker).body()).get("status").asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void anUnknownJourneyIs404(CapturedOutput logs) throws Exception {
        String worker = TestIdentity.worker(ORGANISATION);
        assertThat(get("/journeys/6c1d0f4e-0000-4000-8000-000000000000", worker).statusCode()).isEqualTo(404);
        assertThat(post("/journeys/6c1d0f4e-0000-4000-8000-000000000000/barriers", worker, """
                {"theme": "housing", "systemActor": "council-housing", "level": 1}""").statusCode()).isEqualTo(404);
        // the log capture the privacy checks rely on does see the service's own logging
        assertThat(logs.getAll()).contains("6c1d0f4e-0000-4000-8000-000000000000");
    }

    private JsonNode assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asText())).contains(field);
        return problem;
    }

    private static String openRequest() {
        return """
                {"person": {"fullName": "Jamie Reid", "dateOfBirth": "2001-11-02"}, "door": "outreach"}""";
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
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

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
