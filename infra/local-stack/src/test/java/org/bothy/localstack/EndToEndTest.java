package org.bothy.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.bothy.devidentity.DevRole;
import org.bothy.kernel.webhooks.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation end to end, on the real servers and with every kind of service as its own process, started by
 * the launcher's own classes: two partners record the same barrier for different people, the place counts two
 * people across two organisations, the escalation service proposes a candidate, a place lead accepts it, and the
 * statutory body's webhook arrives signed.
 */
class EndToEndTest {

    private static final String BODY = "city-of-edinburgh-council";

    /** One webhook as the test receiver got it, byte for byte. */
    record Received(String id, String timestamp, String signature, byte[] body) {
    }

    @TempDir
    Path data;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer testReceiver;
    private ConsortiumStack stack;

    @Test
    void a_barrier_met_at_two_doors_reaches_the_council_as_a_signed_escalation() throws Exception {
        startTestReceiver();
        StackPlan plan = new StackPlan(new DataHome(data), Ports.free(List.of("fresh-start", "move-on")),
                Path.of("../..").toAbsolutePath().normalize(), List.of("fresh-start", "move-on"),
                new EscalationRule(5, 2, 90),
                "http://localhost:" + testReceiver.getAddress().getPort() + "/hooks/", false, false, false);
        stack = ConsortiumStack.start(plan, System.out);
        JsonHttp http = new JsonHttp();
        String freshStartWorker = stack.issuer().mint(DevRole.WORKER, "fresh-start", "worker-1@fresh-start", Duration.ofMinutes(30));
        String moveOnWorker = stack.issuer().mint(DevRole.WORKER, "move-on", "worker-2@move-on", Duration.ofMinutes(30));
        String placeLead = stack.issuer().mint(DevRole.PLACE_LEAD, null, "steward@place", Duration.ofMinutes(30));

        // security: no token, then another organisation's worker
        assertThat(http.post(plan.partnerUrl("fresh-start") + "/journeys", null, openJourney("Iona Test", "1990-02-03")).status())
                .isEqualTo(401);
        assertThat(http.post(plan.partnerUrl("fresh-start") + "/journeys", moveOnWorker, openJourney("Iona Test", "1990-02-03")).status())
                .isEqualTo(403);

        // Five people, the least the place shows as a number: fewer reach the escalation service only as "<5".
        recordDebtBarrier(http, plan.partnerUrl("fresh-start"), freshStartWorker, "Morag Testperson", "1984-05-06");
        recordDebtBarrier(http, plan.partnerUrl("move-on"), moveOnWorker, "Euan Testperson", "2001-07-08");
        recordDebtBarrier(http, plan.partnerUrl("fresh-start"), freshStartWorker, "Isla Testperson", "1992-10-11");
        recordDebtBarrier(http, plan.partnerUrl("move-on"), moveOnWorker, "Ross Testperson", "1977-01-30");
        recordDebtBarrier(http, plan.partnerUrl("move-on"), moveOnWorker, "Eilidh Testperson", "1999-12-24");

        await("the place counts five people across two organisations").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    JsonHttp.Reply barriers = http.get(plan.placeUrl() + "/barriers?theme=debt&systemActor=council-revenues", placeLead);
                    assertThat(barriers.status()).isEqualTo(200);
                    assertThat(barriers.json()).hasSize(1);
                    assertThat(barriers.json().get(0).path("people").asInt()).isEqualTo(5);
                    assertThat(barriers.json().get(0).path("organisations").asInt()).isEqualTo(2);
                });

        JsonNode candidate = await("a candidate for the council").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> candidateFor(http, plan, placeLead), c -> c != null);
        assertThat(candidate.path("body").asText()).isEqualTo(BODY);
        assertThat(candidate.path("people").asInt()).isEqualTo(5);
        assertThat(candidate.path("peopleShown").asText()).isEqualTo("5");
        assertThat(candidate.path("organisations").asInt()).isEqualTo(2);

        JsonHttp.Reply accepted = http.post(plan.escalationUrl() + "/candidates/" + candidate.path("candidateId").asText()
                + "/accept", placeLead, Map.of("question", "Will recovery action pause while a claim is assessed?"));
        assertThat(accepted.status()).isEqualTo(201);
        String escalationId = accepted.json().path("escalationId").asText();
        assertThat(escalationId).isNotBlank();

        await("the council's webhook arrives").atMost(Duration.ofSeconds(120)).until(() -> !received.isEmpty());
        Received webhook = received.get(0);
        String secret = new StackSecrets(plan.home().secrets()).webhookSecret(BODY);
        assertThat(WebhookSignature.verify(secret, webhook.id(), webhook.timestamp(), webhook.signature(), webhook.body(),
                WebhookSignature.DEFAULT_TOLERANCE, java.time.Clock.systemUTC())).isTrue();
        assertThat(WebhookSignature.verify(new StackSecrets(plan.home().secrets()).webhookSecret("dwp"), webhook.id(),
                webhook.timestamp(), webhook.signature(), webhook.body())).as("another body's secret").isFalse();
        assertThat(new String(webhook.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(escalationId);
        JsonNode raised = new ObjectMapper().readTree(webhook.body());
        assertThat(raised.path("type").asText()).isEqualTo("org.bothy.escalation.EscalationRaised.v2");
        // five people, the least shown as a number at the consortium's threshold; the raw count never travels
        assertThat(raised.path("data").path("peopleShown").asText()).isEqualTo("5");
        assertThat(raised.path("data").has("people")).isFalse();

        await("the escalation shows delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonHttp.Reply escalation = http.get(plan.escalationUrl() + "/escalations/" + escalationId, placeLead);
                    assertThat(escalation.status()).isEqualTo(200);
                    assertThat(escalation.json().path("status").asText()).isEqualTo("DELIVERED");
                });

        List<ProcessHandle> running = stack.processes();
        assertThat(running).hasSizeGreaterThanOrEqualTo(5); // four services and at least the postmaster
        stack.close();
        await("no child process remains").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(running).noneMatch(ProcessHandle::isAlive));
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private static Map<String, Object> openJourney(String fullName, String dateOfBirth) {
        return Map.of("person", Map.of("fullName", fullName, "dateOfBirth", dateOfBirth), "door", "drop-in",
                "consents", List.of("share-learning"));
    }

    private static void recordDebtBarrier(JsonHttp http, String partner, String token, String fullName, String dateOfBirth) {
        JsonHttp.Reply opened = http.post(partner + "/journeys", token, openJourney(fullName, dateOfBirth));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonHttp.Reply barrier = http.post(partner + "/journeys/" + opened.json().path("journeyId").asText() + "/barriers",
                token, Map.of("theme", "debt", "systemActor", "council-revenues", "level", 2, "note", "fictional note"));
        assertThat(barrier.status()).as(barrier.body()).isEqualTo(201);
        assertThat(barrier.json().path("barrierId").asText()).isNotBlank();
    }

    private static JsonNode candidateFor(JsonHttp http, StackPlan plan, String placeLead) {
        JsonHttp.Reply candidates = http.get(plan.escalationUrl() + "/candidates", placeLead);
        if (candidates.status() != 200) {
            return null;
        }
        for (JsonNode candidate : candidates.json()) {
            if ("debt:council-revenues".equals(candidate.path("patternKey").asText())) {
                return candidate;
            }
        }
        return null;
    }

    private void startTestReceiver() throws IOException {
        testReceiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        testReceiver.createContext("/hooks/" + BODY, exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.WEBHOOK_ID),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.WEBHOOK_TIMESTAMP),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.WEBHOOK_SIGNATURE),
                        in.readAllBytes()));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        testReceiver.start();
    }

    @AfterEach
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (testReceiver != null) {
            testReceiver.stop(0);
        }
    }
}
