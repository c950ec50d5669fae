package org.bothy.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.StreamSupport;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the tests of the organisation's own learning (issue log, learning cycles, local spend) share: a running
 * partner service on a real PostgreSQL and Kafka, reached over HTTP with real tokens, and the contracts it publishes.
 * Each test class names its own database, and so gets a context of its own: Spring pauses a cached context when
 * another is used and Axon's processors do not come back from a pause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.organisation=" + OrganisationLearningOverHttp.ORGANISATION,
        "bothy.pseudonym-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
abstract class OrganisationLearningOverHttp {

    static final String ORGANISATION = "move-on";
    static final String TOPIC = "bothy.learning." + ORGANISATION;
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final String worker = TestIdentity.worker(ORGANISATION);
    final String lead = TestIdentity.lead(ORGANISATION);

    /** The contracts of {@code type} keyed {@code subject} on the topic, once {@code expected} are there, in order. */
    static <T extends ContractEvent> List<T> published(String subject, Class<T> type, int expected,
                                                       ToIntFunction<T> order) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<T> found;
        do {
            found = RealKafka.readAll(TOPIC, Duration.ofSeconds(5)).stream()
                    .filter(record -> subject.equals(record.key()))
                    .map(record -> ContractCodec.standard().fromRecord(record))
                    .filter(type::isInstance)
                    .map(type::cast)
                    .sorted(Comparator.comparingInt(order))
                    .toList();
        } while (found.size() < expected && System.nanoTime() < deadline);
        return found;
    }

    JsonNode assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(fields(problem)).contains(field);
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).toList();
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    HttpResponse<String> send(String method, String path, String token, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", TestIdentity.bearer(token));
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
