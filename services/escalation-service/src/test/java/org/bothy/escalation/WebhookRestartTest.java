package org.bothy.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bothy.escalation.ServiceCalls.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.bothy.kernel.topics.Topics;
import org.bothy.kernel.webhooks.WebhookSignature;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service stops in the middle of retrying a webhook and starts again on the same database: the delivery is
 * neither lost nor duplicated as a new message. The body sees one webhook-id throughout, acknowledged once.
 */
class WebhookRestartTest {

    private static final String COUNCIL = "city-of-edinburgh-council";
    private static final String SECRET = WebhookSignature.newSecret();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<String> webhookIds = new CopyOnWriteArrayList<>();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer receiver;
    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aRestartInTheMiddleOfRetriesLosesNothingAndSendsNoSecondMessage() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            boolean valid = WebhookSignature.verify(SECRET, headers.getFirst(WebhookSignature.WEBHOOK_ID),
                    headers.getFirst(WebhookSignature.WEBHOOK_TIMESTAMP), headers.getFirst(WebhookSignature.WEBHOOK_SIGNATURE), body);
            webhookIds.add(headers.getFirst(WebhookSignature.WEBHOOK_ID));
            // the body's endpoint is down for the first four attempts, then acknowledges
            int status = valid && calls.incrementAndGet() > 4 ? 204 : 503;
            answers.add(status);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);

        running = start();
        String escalationId = escalate(new ServiceCalls(port(running)));
        await().atMost(WAIT).until(() -> calls.get() >= 2);
        running.close();
        running = null;
        int callsBeforeRestart = calls.get();
        assertThat(callsBeforeRestart).isLessThan(5);
        assertThat(answers).doesNotContain(204);

        running = start();
        JdbcClient again = JdbcClient.create(running.getBean(javax.sql.DataSource.class));
        ServiceCalls restarted = new ServiceCalls(port(running));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(view(restarted, escalationId).get("status").asText()));
        Thread.sleep(1500); // long enough for any stray retry to show itself

        assertThat(webhookIds.stream().distinct().toList()).as("one message, one webhook-id").hasSize(1);
        assertThat(answers.stream().filter(status -> status == 204).count()).as("acknowledged once").isEqualTo(1);
        assertThat(answers.get(answers.size() - 1)).as("nothing sent after the acknowledgement").isEqualTo(204);
        JsonNode escalation = view(restarted, escalationId);
        assertThat(escalation.get("attempts")).hasSize(answers.size());
        assertThat(again.sql("select status from webhook_delivery where escalation_id = ?::uuid").param(escalationId)
                .query(String.class).single()).isEqualTo("DELIVERED");
    }

    private ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>();
        RealInfrastructure.register((name, value) -> properties.put(name, value.get()), "escalation_restart_test");
        properties.put("server.port", "0");
        // a consumer group of its own: other test contexts in this JVM read the same evidence topic
        properties.put("spring.kafka.consumer.group-id", "escalation-restart-test");
        properties.put("bothy.escalation.delivery.poll-interval", "100ms");
        properties.put("bothy.escalation.delivery.base-backoff", "400ms");
        properties.put("bothy.escalation.delivery.max-backoff", "800ms");
        properties.put("bothy.escalation.bodies." + COUNCIL + ".webhook-url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        properties.put("bothy.escalation.bodies." + COUNCIL + ".webhook-secret", SECRET);
        // as arguments, not default properties: application.properties (port 8091, the shared group) must not win
        return new SpringApplicationBuilder(EscalationServiceApplication.class).run(properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private String escalate(ServiceCalls service) throws Exception {
        Instant now = Instant.now();
        EvidenceSignal signal = new EvidenceSignal(UUID.randomUUID().toString(), now,
                EvidenceSignal.patternKey("social-isolation", "private-landlord"), "social-isolation", "private-landlord", 7, 3,
                List.of(new WindowCount(90, 6, 3)), now.minus(Duration.ofDays(30)), now);
        ServiceCalls.publish(signal);
        await().atMost(WAIT).until(() -> !service.openCandidatesFor(signal.patternKey()).isEmpty());
        return service.accept(service.openCandidatesFor(signal.patternKey()).get(0).get("candidateId").asText(),
                "What will the council do about disrepair in private lets?");
    }

    /** The escalation as a place lead reads it, whatever the answer's status while the service starts again. */
    private static JsonNode view(ServiceCalls service, String escalationId) throws Exception {
        return JSON.readTree(service.call("GET", "/escalations/" + escalationId, TestIdentity.placeLead(), null).body());
    }
}
