package org.bothy.escalation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bothy.escalation.EscalationServiceApplication;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.contract.escalation.EscalationRaised;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.bothy.kernel.topics.Topics;
import org.bothy.kernel.webhooks.WebhookSignature;
import org.bothy.testsupport.RealInfrastructure;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A harness, not a test (its name keeps it out of the suite; it asserts nothing): drives the real service on the real
 * PostgreSQL and Kafka broker at a steady rate (default 100 escalations a minute, {@code -Dbench.rate}, for
 * {@code -Dbench.count} patterns) and prints p50/p95/p99/max of (a) an evidence signal published to its candidate
 * being proposed, and (b) a place lead's acceptance to the body's webhook receiving it (every body acknowledges).
 * Run: {@code ./mvnw -o -q -pl services/escalation-service -am verify -Dtest=EscalationBenchmark -Dbench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (skipped without {@code -Dbench=true}, so the suite never runs it).
 */
class EscalationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @EnabledIfSystemProperty(named = "bench", matches = "true")
    void run() throws Exception {
        int rate = Integer.getInteger("bench.rate", 100);
        Codes codes = Codes.northEdinburgh();
        List<String[]> patterns = new ArrayList<>();
        for (var theme : codes.themes()) {
            for (var actor : codes.systemActors()) {
                patterns.add(new String[] {theme.code(), actor.code()});
            }
        }
        int count = Math.min(Integer.getInteger("bench.count", 100), patterns.size());
        Map<String, Instant> received = new ConcurrentHashMap<>();
        String secret = WebhookSignature.newSecret();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            EscalationRaised raised = (EscalationRaised) ContractCodec.standard().fromStructuredJson(body);
            received.putIfAbsent(raised.escalationId(), Instant.now());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);
        Map<String, Object> properties = new HashMap<>();
        RealInfrastructure.register((name, value) -> properties.put(name, value.get()), "escalation_bench_" + System.currentTimeMillis());
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.group-id", "escalation-bench-" + System.currentTimeMillis());
        properties.put("bothy.escalation.delivery.poll-interval", "100ms");
        for (var body : codes.statutoryBodies()) {
            properties.put("bothy.escalation.bodies." + body.code() + ".webhook-url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            properties.put("bothy.escalation.bodies." + body.code() + ".webhook-secret", secret);
        }
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EscalationServiceApplication.class)
                .properties(properties).run()) {
            JdbcClient jdbc = JdbcClient.create(service.getBean(javax.sql.DataSource.class));
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            long gapNanos = Duration.ofMinutes(1).toNanos() / rate;

            // (a) signal -> candidate, at the rate
            Map<String, Instant> published = new HashMap<>();
            try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
                long next = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    String[] pattern = patterns.get(i);
                    Instant now = Instant.now();
                    EvidenceSignal signal = new EvidenceSignal(UUID.randomUUID().toString(), now,
                            EvidenceSignal.patternKey(pattern[0], pattern[1]), pattern[0], pattern[1], 9, 4,
                            List.of(new WindowCount(90, 8, 4)), now.minus(Duration.ofDays(40)), now);
                    pace(next);
                    published.put(signal.patternKey(), Instant.now());
                    producer.send(ContractCodec.standard().toRecord(Topics.PLACE_EVIDENCE, "/bothy/place", signal));
                    next += gapNanos;
                }
                producer.flush();
            }
            Map<String, Instant> proposed = new HashMap<>();
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (proposed.size() < count && Instant.now().isBefore(giveUp)) {
                jdbc.sql("select pattern_key, proposed_at from candidate where status = 'OPEN'")
                        .query((row, n) -> proposed.put(row.getString("pattern_key"), row.getTimestamp("proposed_at").toInstant()))
                        .list();
                Thread.sleep(200);
            }
            List<Long> toCandidate = new ArrayList<>();
            published.forEach((key, at) -> {
                if (proposed.containsKey(key)) {
                    toCandidate.add(Duration.between(at, proposed.get(key)).toMillis());
                }
            });

            // (b) acceptance -> webhook received, at the rate
            List<String> candidates = jdbc.sql("select candidate_id from candidate where status = 'OPEN'").query(String.class).list();
            Map<String, Instant> accepted = new HashMap<>();
            long next = System.nanoTime();
            for (String candidate : candidates) {
                pace(next);
                Instant at = Instant.now();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/candidates/" + candidate + "/accept"))
                        .header("Authorization", TestIdentity.bearer(TestIdentity.placeLead()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"What will you change about this pattern?\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    JsonNode json = JSON.readTree(response.body());
                    accepted.put(json.get("escalationId").asText(), at);
                }
                next += gapNanos;
            }
            giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (!received.keySet().containsAll(accepted.keySet()) && Instant.now().isBefore(giveUp)) {
                Thread.sleep(200);
            }
            List<Long> toWebhook = new ArrayList<>();
            accepted.forEach((id, at) -> {
                if (received.containsKey(id)) {
                    toWebhook.add(Duration.between(at, received.get(id)).toMillis());
                }
            });
            System.out.println("BENCH escalation rate=" + rate + "/min patterns=" + count);
            System.out.println("BENCH signal->candidate   " + figures(toCandidate, count));
            System.out.println("BENCH accept->webhook     " + figures(toWebhook, accepted.size()));
        } finally {
            receiver.stop(0);
        }
    }

    private static void pace(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static String figures(List<Long> millis, int expected) {
        if (millis.isEmpty()) {
            return "n=0 of " + expected;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "n=" + sorted.size() + " of " + expected + " p50=" + at(sorted, 0.50) + "ms p95=" + at(sorted, 0.95)
                + "ms p99=" + at(sorted, 0.99) + "ms max=" + sorted.get(sorted.size() - 1) + "ms";
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
