package org.bothy.escalation;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;

/** What the service's tests do from outside: publish the place's signals, and call the HTTP API with a token. */
public final class ServiceCalls {

    /** Plain Jackson for reading answers. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public ServiceCalls(int port) {
        this.port = port;
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

    /** Publishes a signal on the place's evidence topic, as the place service would, and waits for the broker. */
    public static void publish(EvidenceSignal signal) throws Exception {
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            producer.send(ContractCodec.standard().toRecord(Topics.PLACE_EVIDENCE, "/bothy/place", signal)).get();
        }
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
                .timeout(Duration.ofSeconds(20));
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
