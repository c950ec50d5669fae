package org.bothy.escalation.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bothy.escalation.ServiceCalls;
import org.bothy.kernel.contract.evidence.CountDisclosure;
import org.bothy.kernel.contract.evidence.DisclosedCount;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.topics.Topics;
import org.bothy.kernel.webhooks.WebhookSignature;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A count of people reaches a statutory body only after disclosure control, and never plainer than the place
 * published it: on the webhook, the Kafka feed and the pull feed alike, in its own view of the escalation and in the
 * evidence pack. The service's threshold here is 3, below the place's 5, so that a "<5" the place published would be
 * narrowed to "<3" if the service showed the fewest people it can be sure of (1) under its own threshold alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.escalation.disclosure-threshold=3",
        // "<5" is at least 1 person: a rule of 1 lets a small count be escalated at all
        "bothy.escalation.rule.min-people=1",
        "bothy.escalation.delivery.poll-interval=100ms",
        "spring.kafka.consumer.group-id=escalation-small-counts-test"})
class SmallCountsNeverLeaveTest {

    private static final String COUNCIL = "city-of-edinburgh-council";
    // patterns no other test publishes (every test context reads the whole evidence topic); schools answer to the council
    private static final String ACTOR = "school";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final CountDisclosure PLACE = new CountDisclosure(5);
    private static final String SECRET = WebhookSignature.newSecret();
    private static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer RECEIVER = receiver();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_small_counts_test");
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);
        registry.add("bothy.escalation.bodies." + COUNCIL + ".webhook-url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook");
        registry.add("bothy.escalation.bodies." + COUNCIL + ".webhook-secret", () -> SECRET);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void theBodyIsShownSmallAndHiddenCountsAsThePlaceShowedThemOrMoreSuppressedOnEveryFeed() throws Exception {
        ServiceCalls calls = new ServiceCalls(port);
        // the place published 3 people in 90 days as "<5"; the service is sure of 1
        String published = raise(calls, signalOf("family", PLACE.nested(2, 3, 3, 3)));
        // the place hid 8 in 90 days as "*" (the 30 days' 6 would otherwise give away the 2 between): sure of 6
        String hidden = raise(calls, signalOf("justice", PLACE.nested(6, 8, 20, 20)));
        // a v1-shaped signal shows 2 in full: the service's own threshold hides it
        String raw = raise(calls, ServiceCalls.signal("welfare-benefits", ACTOR, 2, 2));
        // later evidence for the first pattern, hidden by the place: joins the escalation as hidden
        EvidenceSignal later = signalOf("family", PLACE.nested(6, 8, 20, 20));
        ServiceCalls.publish(later);

        Map<String, String> raisedShown = Map.of(published, "<5", hidden, "*", raw, "<3");
        await().atMost(WAIT).until(() -> webhook("EscalationRaised").size() == 3 && webhook("EvidenceAdded").size() == 1);

        Map<String, String> onWebhook = shownBySubject(webhook("EscalationRaised"));
        Map<String, String> onPull = shownBySubject(pulled(calls, "EscalationRaised"));
        Map<String, String> onKafka = shownBySubject(onKafka(raisedShown.keySet(), "EscalationRaised", 3));
        assertThat(onWebhook).as("webhook").isEqualTo(raisedShown);
        assertThat(onPull).as("pull feed").isEqualTo(raisedShown);
        assertThat(onKafka).as("Kafka feed").isEqualTo(raisedShown);
        assertThat(shownBySubject(webhook("EvidenceAdded"))).isEqualTo(Map.of(published, "*"));
        assertThat(shownBySubject(pulled(calls, "EvidenceAdded"))).isEqualTo(Map.of(published, "*"));
        assertThat(shownBySubject(onKafka(Set.of(published), "EvidenceAdded", 1))).isEqualTo(Map.of(published, "*"));
        for (JsonNode event : webhook(null)) {
            assertThat(event.get("data").has("people")).as("no raw count on %s", event.get("type")).isFalse();
        }

        // the body's own view and the evidence pack show the same, with no count behind it anywhere in the record
        for (Map.Entry<String, String> expected : raisedShown.entrySet()) {
            var view = calls.call("GET", "/statutory/" + COUNCIL + "/escalations/" + expected.getKey(),
                    TestIdentity.statutory(COUNCIL), null);
            assertThat(view.statusCode()).isEqualTo(200);
            JsonNode escalation = ServiceCalls.JSON.readTree(view.body());
            assertThat(escalation.has("people")).isFalse();
            assertThat(escalation.get("peopleShown").asText()).isEqualTo(expected.getValue());
            assertThat(view.body()).doesNotContain("\"people\"");
            JsonNode raised = escalation.get("history").get(0);
            assertThat(raised.get("kind").asText()).isEqualTo("RAISED");
            assertThat(raised.get("detail").get("peopleShown").asText()).isEqualTo(expected.getValue());
            var pack = calls.call("GET", "/escalations/" + expected.getKey() + "/pack.json", TestIdentity.statutory(COUNCIL), null);
            assertThat(pack.statusCode()).isEqualTo(200);
            assertThat(ServiceCalls.JSON.readTree(pack.body()).get("people").asText()).isEqualTo(expected.getValue());
        }
        var listed = calls.call("GET", "/statutory/" + COUNCIL + "/escalations", TestIdentity.statutory(COUNCIL), null);
        assertThat(listed.body()).doesNotContain("\"people\"");
        JsonNode added = ServiceCalls.JSON.readTree(calls.call("GET", "/statutory/" + COUNCIL + "/escalations/" + published,
                TestIdentity.statutory(COUNCIL), null).body()).get("history");
        List<String> evidence = new ArrayList<>();
        added.forEach(entry -> {
            if (entry.get("kind").asText().equals("EVIDENCE_ADDED")) {
                evidence.add(entry.get("detail").get("peopleShown").asText());
            }
        });
        assertThat(evidence).containsExactly("*");
        // the place leads still see what the service is sure of
        assertThat(calls.escalation(hidden).get("people").asInt()).isEqualTo(6);
        assertThat(calls.escalation(published).get("people").asInt()).isEqualTo(1);

        // nor may a place lead's own words to the body quote a count the feeds hide
        var quoted = calls.call("POST", "/escalations/" + hidden + "/close", TestIdentity.placeLead(),
                "{\"verdict\":\"PATTERN_PERSISTS\",\"note\":\"Still 2 pupils a month\"}");
        assertThat(quoted.statusCode()).isEqualTo(400);
        assertThat(quoted.body()).contains("note").contains("<3");
        assertThat(calls.escalation(hidden).get("status").asText()).isNotEqualTo("CLOSED");
    }

    /** Publishes the signal, accepts the candidate it proposes and returns the escalation's id. */
    private static String raise(ServiceCalls calls, EvidenceSignal signal) throws Exception {
        ServiceCalls.publish(signal);
        String key = signal.patternKey();
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(key).size() == 1);
        return calls.accept(calls.openCandidatesFor(key).get(0).get("candidateId").asText(),
                "What will schools change for pupils whose families are in crisis?");
    }

    /** A v2 signal as the place publishes it at a threshold of 5: people in 30, 90 and 365 days and in all. */
    private static EvidenceSignal signalOf(String theme, List<DisclosedCount> people) {
        return ServiceCalls.placeSignal(theme, ACTOR, Instant.now().truncatedTo(ChronoUnit.MILLIS), people, 2, List.of());
    }

    /** The structured CloudEvents the body's endpoint received, of one contract (or all with null). */
    private static List<JsonNode> webhook(String name) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (byte[] body : RECEIVED) {
            JsonNode event = ServiceCalls.JSON.readTree(body);
            if (name == null || event.get("type").asText().startsWith("org.bothy.escalation." + name + ".")) {
                events.add(event);
            }
        }
        return events;
    }

    private static List<JsonNode> pulled(ServiceCalls calls, String name) throws Exception {
        var page = calls.call("GET", "/feeds/" + COUNCIL + "/events?limit=500", TestIdentity.statutory(COUNCIL), null);
        assertThat(page.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        ServiceCalls.JSON.readTree(page.body()).get("events").forEach(entry -> {
            JsonNode event = entry.get("cloudEvent");
            if (event.get("type").asText().startsWith("org.bothy.escalation." + name + ".")) {
                events.add(event);
            }
        });
        return events;
    }

    /** The body's topic from the start: one contract about these escalations (other tests' share the topic). */
    private static List<JsonNode> onKafka(Set<String> escalations, String name, int expected) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "small-counts-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.EVIDENCE_PREFIX + COUNCIL));
            await().atMost(WAIT).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = ServiceCalls.JSON.readTree(record.value());
                    if (event.get("type").asText().startsWith("org.bothy.escalation." + name + ".")
                            && escalations.contains(record.key())) {
                        events.add(event);
                    }
                }
                return events.size() >= expected;
            });
        }
        return events;
    }

    private static Map<String, String> shownBySubject(List<JsonNode> events) {
        Map<String, String> shown = new HashMap<>();
        for (JsonNode event : events) {
            assertThat(event.get("data").has("people")).isFalse();
            shown.put(event.get("subject").asText(), event.get("data").get("peopleShown").asText());
        }
        return shown;
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                var headers = exchange.getRequestHeaders();
                boolean valid = WebhookSignature.verify(SECRET, headers.getFirst(WebhookSignature.WEBHOOK_ID),
                        headers.getFirst(WebhookSignature.WEBHOOK_TIMESTAMP), headers.getFirst(WebhookSignature.WEBHOOK_SIGNATURE),
                        body);
                if (valid) {
                    RECEIVED.add(body);
                }
                exchange.sendResponseHeaders(valid ? 204 : 401, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the body's endpoint", e);
        }
    }
}
