package org.bothy.escalation.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bothy.escalation.ServiceCalls;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.topics.Topics;
import org.bothy.kernel.webhooks.WebhookSignature;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The escalation service on its own database of the real PostgreSQL and on the real Kafka broker, for the evidence
 * pack and accountability tests (one Spring context for all of them): every body's endpoint acknowledges at once, so
 * escalations raised through the API are delivered, and a consumer group of its own reads every evidence signal.
 */
// Signals here are v1-shaped (every count shown in full), so the rule can ask for 3 people, fewer than the
// consortium's disclosure threshold of 5 that the default rule follows.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.escalation.rule.min-people=3",
        "spring.kafka.consumer.group-id=bothy-escalation-accountability-test",
        "bothy.escalation.pack.learning-group=bothy-escalation-pack-test",
        "bothy.escalation.delivery.poll-interval=100ms",
        "bothy.escalation.delivery.base-backoff=200ms",
        "bothy.escalation.delivery.max-backoff=1s"})
public abstract class AccountabilityTestBase {

    protected static final ObjectMapper JSON = ServiceCalls.JSON;
    protected static final Duration WAIT = ServiceCalls.WAIT;
    protected static final List<String> BODIES = List.of("city-of-edinburgh-council", "nhs-lothian", "dwp",
            "edinburgh-hscp", "police-scotland", "scottish-government");

    private static final String SECRET = WebhookSignature.newSecret();
    private static final HttpServer RECEIVER = startReceiver();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ServiceCalls calls;

    private static HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/webhooks", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the statutory bodies' receiver", e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_accountability_test");
        RealKafka.createTopics(Topics.PLACE_EVIDENCE, Topics.learning("spartans"), Topics.learning("move-on"));
        for (String body : BODIES) {
            registry.add("bothy.escalation.bodies." + body + ".webhook-url",
                    () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/webhooks/" + body);
            registry.add("bothy.escalation.bodies." + body + ".webhook-secret", () -> SECRET);
        }
    }

    /**
     * Publishes an evidence signal for the pattern (people in the last 30, 90 and 365 days), waits for its candidate,
     * accepts it with {@code question} and returns the new escalation's id.
     */
    protected String escalate(String theme, String systemActor, int[] peopleByWindow, int organisations, String question)
            throws Exception {
        EvidenceSignal signal = ServiceCalls.signalByWindow(theme, systemActor, peopleByWindow, organisations);
        ServiceCalls.publish(signal);
        HttpResponse<String> accepted = call("POST", "/candidates/" + calls().awaitCandidate(signal.patternKey()) + "/accept",
                TestIdentity.placeLead(), JSON.createObjectNode().put("question", question)
                        .put("dueBy", LocalDate.now(ZoneOffset.UTC).plusDays(28).toString()).toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        return JSON.readTree(accepted.body()).get("escalationId").asText();
    }

    /** Sends learning contracts as partner {@code organisation} publishes them. */
    protected static void publishLearning(String organisation, ContractEvent... events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            for (ContractEvent event : events) {
                producer.send(ContractCodec.standard().toRecord(Topics.learning(organisation),
                        "/bothy/partner/" + organisation, event)).get();
            }
        }
    }

    /** Waits until the body's endpoint has acknowledged the escalation. */
    protected void awaitDelivered(String escalationId) {
        await().atMost(WAIT).until(() -> jdbc.sql("select delivered_at is not null from escalation_view"
                + " where escalation_id = ?::uuid").param(escalationId).query(Boolean.class).optional().orElse(false));
    }

    /** Calls this service as {@code token} (none when null), with a JSON body when one is given. */
    protected HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        return calls().call(method, path, token, json);
    }

    /** This service's API, called from outside with a token. */
    protected ServiceCalls calls() {
        if (calls == null) {
            calls = new ServiceCalls(port, Duration.ofSeconds(30));
        }
        return calls;
    }

    /** The same call, answered as bytes (a PDF). */
    protected HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestIdentity.bearer(token)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
