package org.bothy.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.evidence.DisclosedCount;
import org.bothy.kernel.contract.evidence.EvidenceEvent;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.SharedLearning;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the service's tests do from outside: publish the place's signals, and call the HTTP API with a token. */
public final class ServiceCalls {

    /** Plain Jackson for reading answers. */
    public static final ObjectMapper JSON = new ObjectMapper();
    /** How long a test waits for the service to act on what it was sent. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final int port;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newHttpClient();

    public ServiceCalls(int port) {
        this(port, Duration.ofSeconds(20));
    }

    /** Calls that each wait up to {@code timeout} for an answer. */
    public ServiceCalls(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** A signal from the place for {@code theme:actor}, with the counts in every window up to 90 days. */
    public static EvidenceSignal signal(String theme, String actor, int people, int organisations) {
        Instant now = Instant.now();
        return new EvidenceSignal(UUID.randomUUID().toString(), now, EvidenceSignal.patternKey(theme, actor), theme, actor,
                people + 1, organisations,
                List.of(new WindowCount(30, people, organisations), new WindowCount(90, people, organisations),
                        new WindowCount(365, people + 1, organisations)),
                now.minus(Duration.ofDays(10)), now);
    }

    /**
     * A v1-shaped signal with the people in the last 30, 90 and 365 days (every count shown in full), the year's as
     * the total, first seen 200 days ago.
     */
    public static EvidenceSignal signalByWindow(String theme, String actor, int[] peopleIn30And90And365, int organisations) {
        Instant now = Instant.now();
        int[] people = peopleIn30And90And365;
        return new EvidenceSignal(UUID.randomUUID().toString(), now, EvidenceSignal.patternKey(theme, actor), theme, actor,
                people[2], organisations, List.of(new WindowCount(30, people[0], organisations),
                        new WindowCount(90, people[1], organisations), new WindowCount(365, people[2], organisations)),
                now.minus(Duration.ofDays(200)), now);
    }

    /**
     * A v2 signal as a place at disclosure threshold 5 publishes it at {@code at}: {@code people} shown in 30, 90 and
     * 365 days and in all, first seen 200 days before, with the pattern's shared learning.
     */
    public static EvidenceSignal placeSignal(String theme, String actor, Instant at, List<DisclosedCount> people,
                                             int organisations, List<SharedLearning> learning) {
        DisclosedCount shown = DisclosedCount.of(organisations);
        return new EvidenceSignal(UUID.randomUUID().toString(), at, EvidenceSignal.patternKey(theme, actor), theme, actor, 5,
                people.get(3), shown, List.of(new WindowCount(30, people.get(0), shown), new WindowCount(90, people.get(1), shown),
                        new WindowCount(365, people.get(2), shown)), at.minus(Duration.ofDays(200)), at, learning);
    }

    /** Publishes a signal on the place's evidence topic, as the place service would, and waits for the broker. */
    public static void publish(EvidenceEvent signal) throws Exception {
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            producer.send(ContractCodec.standard().toRecord(Topics.PLACE_EVIDENCE, "/bothy/place", signal)).get();
        }
    }

    /** Waits until the service has applied the signal with {@code eventId} (it is in its processed signals). */
    public static void awaitApplied(JdbcClient jdbc, String eventId) {
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from processed_signal where event_id = ?")
                .param(eventId).query(Integer.class).single() == 1);
    }

    /** The fields a problem answer names as failing validation. */
    public static List<String> fieldsIn(HttpResponse<String> problem) throws Exception {
        List<String> fields = new ArrayList<>();
        JSON.readTree(problem.body()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    /** Waits until the pattern has one open candidate and returns its id. */
    public String awaitCandidate(String patternKey) throws Exception {
        await().atMost(WAIT).until(() -> openCandidatesFor(patternKey).size() == 1);
        return openCandidatesFor(patternKey).get(0).get("candidateId").asText();
    }

    /** Publishes the signal, accepts the candidate it proposes with {@code question} and returns the escalation's id. */
    public String escalate(EvidenceSignal signal, String question) throws Exception {
        publish(signal);
        return accept(awaitCandidate(signal.patternKey()), question);
    }

    /** The open candidates of one pattern, as a place lead lists them. */
    public List<JsonNode> openCandidatesFor(String patternKey) throws Exception {
        HttpResponse<String> response = call("GET", "/candidates", TestIdentity.placeLead(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> matching = new ArrayList<>();
        JSON.readTree(response.body()).forEach(node -> {
            if (patternKey.equals(node.get("patternKey").asText())) {
                matching.add(node);
            }
        });
        return matching;
    }

    /** Accepts a candidate with a question and returns the escalation's id. */
    public String accept(String candidateId, String question) throws Exception {
        HttpResponse<String> accepted = call("POST", "/candidates/" + candidateId + "/accept", TestIdentity.placeLead(),
                "{\"question\":\"" + question + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        return JSON.readTree(accepted.body()).get("escalationId").asText();
    }

    /** An escalation as a place lead reads it. */
    public JsonNode escalation(String escalationId) throws Exception {
        HttpResponse<String> response = call("GET", "/escalations/" + escalationId, TestIdentity.placeLead(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** One HTTP call with an optional bearer token and JSON body. */
    public HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout);
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
