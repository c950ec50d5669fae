package org.bothy.escalation.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bothy.escalation.ServiceCalls;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.escalation.EscalationClosed;
import org.bothy.kernel.contract.escalation.EscalationOverdue;
import org.bothy.kernel.contract.escalation.EscalationRaised;
import org.bothy.kernel.contract.escalation.EvidenceAdded;
import org.bothy.kernel.contract.escalation.StatutoryEvent;
import org.bothy.kernel.topics.Topics;
import org.bothy.kernel.webhooks.WebhookSignature;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each body receives every event of the escalations addressed to it, in order and on every feed alike (webhook,
 * pull, Kafka): raised, evidence added, acknowledged, overdue and reminded, withdrawn from it when re-escalated,
 * closed with the verdict; and nothing of anyone else's. Each webhook delivery keeps its webhook-id through retries.
 */
// Its signals are v1-shaped (every count shown in full), so a rule of 3 people can be met; against a place at the
// consortium's disclosure threshold of 5 the default rule is 5 (see DisclosedSignalsTest).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bothy.escalation.rule.min-people=3",
        "bothy.escalation.delivery.poll-interval=100ms",
        "bothy.escalation.delivery.base-backoff=200ms",
        "bothy.escalation.delivery.max-backoff=400ms",
        // long enough that the held call is answered, not timed out and retried
        "bothy.escalation.delivery.request-timeout=60s",
        "spring.kafka.consumer.group-id=escalation-feeds-test"})
class EveryFeedCarriesTheLifecycleTest {

    private static final String COUNCIL = "city-of-edinburgh-council";
    private static final String NHS = "nhs-lothian";
    private static final String DWP = "dwp";
    // a pattern of its own on the shared evidence topic (private landlords answer to the council)
    private static final String THEME = "employment";
    private static final String ACTOR = "private-landlord";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String HSCP = "edinburgh-hscp";
    private static final String POLICE = "police-scotland";
    /** Police Scotland's endpoint takes the call and does not answer until the test lets it. */
    private static final CountDownLatch POLICE_ANSWERS = new CountDownLatch(1);
    private static final Map<String, Receiver> RECEIVERS = Map.of(COUNCIL, new Receiver(null), NHS, new Receiver(null),
            DWP, new Receiver(null), HSCP, new Receiver(null), POLICE, new Receiver(POLICE_ANSWERS));

    /**
     * A body's endpoint: refuses the first attempt of every delivery, then acknowledges it; keeps every call. With
     * {@code answers}, it holds every call until that latch opens, then acknowledges.
     */
    static final class Receiver {
        final String secret = WebhookSignature.newSecret();
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final AtomicInteger entered = new AtomicInteger();
        final HttpServer server;

        Receiver(CountDownLatch answers) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a test receiver", e);
            }
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                entered.incrementAndGet();
                if (answers != null) {
                    try {
                        answers.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    attempts.computeIfAbsent(String.valueOf(exchange.getRequestHeaders().getFirst(WebhookSignature.WEBHOOK_ID)),
                            key -> new AtomicInteger()).incrementAndGet();
                }
                var headers = exchange.getRequestHeaders();
                String id = headers.getFirst(WebhookSignature.WEBHOOK_ID);
                boolean valid = WebhookSignature.verify(secret, id, headers.getFirst(WebhookSignature.WEBHOOK_TIMESTAMP),
                        headers.getFirst(WebhookSignature.WEBHOOK_SIGNATURE), body);
                int status = answers != null ? 204
                        : attempts.computeIfAbsent(String.valueOf(id), key -> new AtomicInteger()).incrementAndGet() == 1
                        ? 503 : 204;
                calls.add(new Call(id, valid, status, ContractCodec.standard().fromStructuredJson(body)));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        /** What the body has acknowledged, in the order it did. */
        List<StatutoryEvent> acknowledged() {
            return calls.stream().filter(call -> call.status() == 204).map(Call::contract).map(StatutoryEvent.class::cast).toList();
        }
    }

    record Call(String webhookId, boolean valid, int status, Object contract) {
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "escalation_feeds_test");
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);
        RECEIVERS.forEach((body, receiver) -> {
            registry.add("bothy.escalation.bodies." + body + ".webhook-url", receiver::url);
            registry.add("bothy.escalation.bodies." + body + ".webhook-secret", () -> receiver.secret);
        });
    }

    @Test
    void aBodyWhoseEndpointDoesNotAnswerHoldsUpOnlyItsOwnDeliveries() throws Exception {
        ServiceCalls calls = new ServiceCalls(port);
        Receiver police = RECEIVERS.get(POLICE);
        Receiver hscp = RECEIVERS.get(HSCP);
        // patterns of their own on the shared evidence topic
        ServiceCalls.publish(ServiceCalls.signal("substance-use", "police", 5, 2));
        await().atMost(WAIT).until(() -> calls.openCandidatesFor("substance-use:police").size() == 1);
        String toPolice = calls.accept(calls.openCandidatesFor("substance-use:police").get(0).get("candidateId").asText(),
                "What will change in how people leaving custody are linked to treatment?");
        await().atMost(WAIT).until(() -> police.entered.get() == 1);

        ServiceCalls.publish(ServiceCalls.signal("digital-exclusion", "social-work", 4, 2));
        await().atMost(WAIT).until(() -> calls.openCandidatesFor("digital-exclusion:social-work").size() == 1);
        String toHscp = calls.accept(calls.openCandidatesFor("digital-exclusion:social-work").get(0).get("candidateId").asText(),
                "Why can social work only be reached online?");
        // refused once, retried and acknowledged, all while Police Scotland's endpoint still holds its call
        awaitAcknowledged(hscp, 1);
        assertThat(hscp.acknowledged().get(0).subject()).isEqualTo(toHscp);
        assertThat(POLICE_ANSWERS.getCount()).as("the police endpoint has not answered yet").isEqualTo(1);
        assertThat(police.calls).isEmpty();

        POLICE_ANSWERS.countDown();
        awaitAcknowledged(police, 1);
        assertThat(police.acknowledged().get(0).subject()).isEqualTo(toPolice);
        assertThat(police.entered.get()).as("one call, answered late, not repeated meanwhile").isEqualTo(1);
    }

    @AfterAll
    static void stopReceivers() {
        POLICE_ANSWERS.countDown();
        RECEIVERS.values().forEach(receiver -> receiver.server.stop(0));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBodyReceivesItsEscalationsLifecycleInOrderOnEveryFeedAndNoOtherBodyReceivesAnyOfIt() throws Exception {
        ServiceCalls calls = new ServiceCalls(port);
        String pattern = THEME + ":" + ACTOR;
        ServiceCalls.publish(ServiceCalls.signal(THEME, ACTOR, 4, 2));
        await().atMost(WAIT).until(() -> calls.openCandidatesFor(pattern).size() == 1);
        String escalationId = calls.accept(calls.openCandidatesFor(pattern).get(0).get("candidateId").asText(),
                "What will the council do so that landlords do not end tenancies when someone starts work?");
        Receiver council = RECEIVERS.get(COUNCIL);

        // later evidence (queued, if the raising is still being retried, until that is acknowledged)
        ServiceCalls.publish(ServiceCalls.signal(THEME, ACTOR, 7, 3));
        String base = "/statutory/" + COUNCIL + "/escalations/" + escalationId;
        awaitAcknowledged(council, 2);
        assertThat(calls.call("POST", base + "/acknowledge", TestIdentity.statutory(COUNCIL), null).statusCode()).isEqualTo(200);

        // the answer is due: bring the durable deadline forward, then the first reminder
        awaitDeadlineThenFire(escalationId);
        awaitAcknowledged(council, 4);
        awaitDeadlineThenFire(escalationId);
        awaitAcknowledged(council, 5);

        var moved = calls.call("POST", "/escalations/" + escalationId + "/re-escalate", TestIdentity.placeLead(),
                "{\"body\":\"" + NHS + "\",\"reason\":\"Landlords end tenancies on health grounds the NHS can speak to\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        String movedTo = ServiceCalls.JSON.readTree(moved.body()).get("escalationId").asText();
        awaitAcknowledged(council, 6);
        assertThat(calls.call("POST", "/escalations/" + movedTo + "/close", TestIdentity.placeLead(),
                "{\"verdict\":\"PATTERN_PERSISTS\",\"note\":\"Still seen at three partners\"}").statusCode()).isEqualTo(200);
        Receiver nhs = RECEIVERS.get(NHS);
        awaitAcknowledged(nhs, 2);

        List<StatutoryEvent> toCouncil = council.acknowledged();
        assertThat(toCouncil).extracting(event -> event.getClass().getSimpleName()).containsExactly("EscalationRaised",
                "EvidenceAdded", "EscalationAcknowledged", "EscalationOverdue", "EscalationOverdue", "EscalationClosed");
        assertThat(toCouncil).allSatisfy(event -> assertThat(event.subject()).isEqualTo(escalationId));
        assertThat(((EscalationRaised) toCouncil.get(0)).peopleShown()).as("4 people, after disclosure control").isEqualTo("<5");
        assertThat(((EvidenceAdded) toCouncil.get(1)).peopleShown()).isEqualTo("7");
        assertThat(((EscalationOverdue) toCouncil.get(3)).reminder()).isZero();
        assertThat(((EscalationOverdue) toCouncil.get(4)).reminder()).isEqualTo(1);
        EscalationClosed withdrawn = (EscalationClosed) toCouncil.get(5);
        assertThat(withdrawn.verdict()).isEqualTo("RE_ESCALATED");
        assertThat(withdrawn.reEscalatedTo()).isEqualTo(movedTo);

        List<StatutoryEvent> toNhs = nhs.acknowledged();
        assertThat(toNhs).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("EscalationRaised", "EscalationClosed");
        assertThat(toNhs).allSatisfy(event -> assertThat(event.subject()).isEqualTo(movedTo));
        assertThat(((EscalationRaised) toNhs.get(0)).body()).isEqualTo(NHS);
        assertThat(((EscalationRaised) toNhs.get(0)).peopleShown()).as("moved with the counts it was raised on").isEqualTo("<5");
        assertThat(((EscalationClosed) toNhs.get(1)).verdict()).isEqualTo("PATTERN_PERSISTS");
        assertThat(RECEIVERS.get(DWP).calls).as("a body with nothing addressed to it receives nothing").isEmpty();

        for (Receiver receiver : List.of(council, nhs)) {
            assertThat(receiver.calls).allSatisfy(call -> {
                assertThat(call.valid()).as("signed with the body's own secret").isTrue();
                assertThat(call.webhookId()).as("webhook-id is the event's id").isEqualTo(((StatutoryEvent) call.contract()).eventId());
            });
            // each event was refused once and sent again under the same webhook-id, then never again
            assertThat(receiver.attempts.values()).allSatisfy(attempts -> assertThat(attempts.get()).isEqualTo(2));
        }

        // the pull feed and the Kafka topic carry exactly what the webhook did, in the same order
        assertThat(pulled(calls, COUNCIL)).containsExactlyElementsOf(ids(toCouncil));
        assertThat(pulled(calls, NHS)).containsExactlyElementsOf(ids(toNhs));
        assertThat(onKafka(COUNCIL, escalationId, toCouncil.size())).containsExactlyElementsOf(ids(toCouncil));
        assertThat(onKafka(NHS, movedTo, toNhs.size())).containsExactlyElementsOf(ids(toNhs));
        assertThat(pulled(calls, DWP)).isEmpty();
        assertThat(calls.call("GET", "/feeds/" + COUNCIL + "/events", TestIdentity.statutory(NHS), null).statusCode())
                .isEqualTo(403);

        // the delivery log names each event's type; every delivery is acknowledged
        JsonNode log = ServiceCalls.JSON.readTree(calls.call("GET", "/feeds/" + COUNCIL + "/deliveries",
                TestIdentity.statutory(COUNCIL), null).body());
        assertThat(log).hasSize(6);
        log.forEach(delivery -> {
            assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivery.get("type").asText()).startsWith("org.bothy.escalation.");
            assertThat(delivery.get("log")).hasSize(2);
        });
    }

    /** Waits until the receiver has acknowledged so many deliveries; if it never does, says where each delivery stands. */
    private void awaitAcknowledged(Receiver receiver, int deliveries) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.acknowledged()).as(() -> "deliveries "
                + jdbc.sql("select ce_type, status, attempts, feed_position, next_attempt_at from webhook_delivery"
                        + " order by feed_position").query().listOfRows()
                + ", deadlines " + jdbc.sql("select execution_time, picked from scheduled_tasks").query().listOfRows()
                + ", history " + jdbc.sql("select kind from escalation_history order by position").query(String.class).list())
                .hasSize(deliveries));
    }

    /** Waits for the escalation's one pending deadline and makes it due now (db-scheduler then fires it). */
    private void awaitDeadlineThenFire(String escalationId) {
        String ofIt = " where execution_time > now() and position(convert_to(?, 'UTF8') in task_data) > 0";
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from scheduled_tasks" + ofIt).param(escalationId)
                .query(Integer.class).single() == 1);
        jdbc.sql("update scheduled_tasks set execution_time = now()" + ofIt).param(escalationId).update();
    }

    private static List<String> ids(List<StatutoryEvent> events) {
        return events.stream().map(StatutoryEvent::eventId).toList();
    }

    private static List<String> pulled(ServiceCalls calls, String body) throws Exception {
        var page = calls.call("GET", "/feeds/" + body + "/events", TestIdentity.statutory(body), null);
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        ServiceCalls.JSON.readTree(page.body()).get("events").forEach(entry -> ids.add(entry.get("cloudEvent").get("id").asText()));
        return ids;
    }

    /** The CloudEvent ids on the body's topic keyed by one escalation, in order (other tests share the topic). */
    private static List<String> onKafka(String body, String escalationId, int expected) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "feeds-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.EVIDENCE_PREFIX + body));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (escalationId.equals(record.key())) {
                        ids.add(((StatutoryEvent) ContractCodec.standard().fromStructuredJson(record.value())).eventId());
                    }
                });
                return ids.size() >= expected;
            });
        }
        return ids;
    }
}
