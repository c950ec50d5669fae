package org.bothy.partner.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What keeps the publisher fed under load, on a real PostgreSQL: connections the requests cannot take, and a consent
 * gate inside one of its batches that gives the same answers as event by event
 * from one question about every person the batch names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.organisation=" + PublisherHeadroomTest.ORGANISATION,
        "bothy.pseudonym-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class PublisherHeadroomTest {

    static final String ORGANISATION = "move-on";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "partner_publisher_headroom_test");
    }

    @LocalServerPort
    int port;

    @Autowired
    ShareConsent gate;

    @Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext server;

    @Test
    void requestsCannotTakeTheConnectionsLeftForThePublisher() {
        var tomcat = (org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer();
        var protocol = (org.apache.coyote.AbstractProtocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler();
        // this test's pool is Hikari's default of 10: four stay with the publisher and the schedules
        assertThat(protocol.getMaxThreads()).isEqualTo(6);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String worker = TestIdentity.worker(ORGANISATION);

    @Test
    void aBatchIsAnsweredByTheRuleFromOneQuestionAskedAtItsStart() throws Exception {
        Instant beforeConsent = Instant.now().minusSeconds(60);
        var consenting = JSON.readTree(openJourney(true));
        String sharing = consenting.get("pseudonym").asText();
        String notSharing = JSON.readTree(openJourney(false)).get("pseudonym").asText();
        // the batch's messages name both people; their payloads here are the pseudonyms themselves
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage(sharing), GenericEventMessage.asEventMessage(notSharing)));
        List<Boolean> answers = new ArrayList<>();
        List<Integer> revocations = new ArrayList<>();

        // started by hand: execute() would run the task once for each of the batch's messages
        batch.start();
        try {
            answers.add(gate.allows(contact(sharing, Instant.now()), payload -> (String) payload));
            answers.add(gate.allows(contact(notSharing, Instant.now()), payload -> (String) payload));
            answers.add(gate.allows(contact(sharing, beforeConsent), payload -> (String) payload));
            revocations.add(revoke(consenting.get("personId").asText()));
            // revoked after the batch asked: the batch still answers from what it asked, as an event sent a moment
            // earlier would have been answered
            answers.add(gate.allows(contact(sharing, Instant.now()), payload -> (String) payload));
        } finally {
            batch.commit();
        }

        assertThat(revocations).containsExactly(204);
        assertThat(answers).containsExactly(true, false, false, true);
        // the next batch, and any check outside one, sees the revocation
        assertThat(gate.allows(contact(sharing, Instant.now()))).isFalse();
    }

    private static ContactRecorded contact(String pseudonym, Instant occurredAt) {
        return new ContactRecorded(UUID.randomUUID().toString(), occurredAt, ORGANISATION, pseudonym,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "visit", 30, 0);
    }

    private String openJourney(boolean shares) throws Exception {
        String name = "Batch Person " + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        HttpResponse<String> opened = send(HttpRequest.newBuilder(uri("/journeys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"person": {"fullName": "%s", "dateOfBirth": "1988-05-05"}, "door": "drop-in"%s}"""
                        .formatted(name, shares ? ", \"consents\": [\"share-learning\"]" : ""))));
        assertThat(opened.statusCode()).isEqualTo(201);
        return opened.body();
    }

    private int revoke(String personId) {
        try {
            return send(HttpRequest.newBuilder(uri("/people/" + personId + "/consents/share-learning")).DELETE())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        request.header("Authorization", TestIdentity.bearer(worker));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
