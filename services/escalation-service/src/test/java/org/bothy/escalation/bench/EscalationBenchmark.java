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
import java.util.LinkedHashMap;
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
 * Before timing anything it warms the service up: one signal applied (the intake's first partition assignment, seconds
 * on its own) and its candidate accepted and delivered (the delivery path's first use), so neither is counted as
 * latency; both are printed. The webhook poller runs at the service's own interval (1 s) unless
 * {@code -Dbench.poll-interval} says otherwise. Every sample is printed with its phases, so a tail can be
 * traced to where it was spent:
 * (a) published -> consumed (intake began the signal's transaction, {@code processed_signal.processed_at}) -> candidate
 * stored ({@code proposed_at}) -> seen by the harness (polling every 50 ms, committed);
 * (b) accept sent -> escalation raised ({@code raised_at}, the command's clock) -> 201 answered (committed: the outbox
 * row exists) -> first delivery attempt ({@code webhook_attempt.attempted_at}) -> received by the body's endpoint.
 * Run: {@code ./mvnw -o -q -pl services/escalation-service -am verify -Dtest=EscalationBenchmark -Dbench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (skipped without {@code -Dbench=true}, so the suite never runs it).
 */
class EscalationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HARNESS_POLL = Duration.ofMillis(50);

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
        // the last pattern warms the service up; the others are timed
        int count = Math.min(Integer.getInteger("bench.count", 100), patterns.size() - 1);
        Map<String, Instant> received = new ConcurrentHashMap<>();
        String secret = WebhookSignature.newSecret();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Instant at = Instant.now();
            if (ContractCodec.standard().fromStructuredJson(body) instanceof EscalationRaised raised) {
                received.putIfAbsent(raised.escalationId(), at);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        RealKafka.createTopics(Topics.PLACE_EVIDENCE);
        Map<String, Object> properties = new HashMap<>();
        RealInfrastructure.register((name, value) -> properties.put(name, value.get()), "escalation_bench_" + System.currentTimeMillis());
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.group-id", "escalation-bench-" + System.currentTimeMillis());
        // the service's own poll interval unless asked otherwise: a new delivery nudges the poller, retries wait for it
        if (System.getProperty("bench.poll-interval") != null) {
            properties.put("bothy.escalation.delivery.poll-interval", System.getProperty("bench.poll-interval"));
        }
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

            try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
                String[] warmUp = patterns.get(patterns.size() - 1);
                Instant started = Instant.now();
                producer.send(ContractCodec.standard().toRecord(Topics.PLACE_EVIDENCE, "/bothy/place",
                        signal(warmUp[0], warmUp[1]))).get();
                awaitCandidates(jdbc, 1, Duration.ofMinutes(2));
                System.out.println("BENCH warm-up signal applied after " + Duration.between(started, Instant.now()).toMillis()
                        + " ms (the intake's first partition assignment)");
            }
            String warmUpCandidate = jdbc.sql("select candidate_id from candidate where status = 'OPEN'").query(String.class).single();
            Instant warmUpAccepted = Instant.now();
            String warmUpEscalation = JSON.readTree(accept(http, port, warmUpCandidate).body()).get("escalationId").asText();
            Instant giveUpWarmUp = Instant.now().plus(Duration.ofMinutes(2));
            while (!received.containsKey(warmUpEscalation) && Instant.now().isBefore(giveUpWarmUp)) {
                Thread.sleep(HARNESS_POLL.toMillis());
            }
            System.out.println("BENCH warm-up escalation delivered after "
                    + Duration.between(warmUpAccepted, Instant.now()).toMillis() + " ms (the delivery path's first use)");

            // (a) signal -> candidate, at the rate, while another thread notes when each candidate is first visible
            Map<String, Instant> published = new LinkedHashMap<>();
            Map<String, Instant> seen = new ConcurrentHashMap<>();
            Thread watcher = new Thread(() -> watch(jdbc, seen, count), "bench-candidate-watcher");
            watcher.start();
            Instant runStarted = Instant.now();
            try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
                long next = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    String[] pattern = patterns.get(i);
                    EvidenceSignal signal = signal(pattern[0], pattern[1]);
                    pace(next);
                    published.put(signal.patternKey(), Instant.now());
                    producer.send(ContractCodec.standard().toRecord(Topics.PLACE_EVIDENCE, "/bothy/place", signal));
                    next += gapNanos;
                }
                producer.flush();
            }
            watcher.join(Duration.ofMinutes(2).toMillis());
            watcher.interrupt();
            Instant giveUp;
            Map<String, Instant[]> stored = new HashMap<>();
            jdbc.sql("select c.pattern_key, p.processed_at, c.proposed_at from candidate c"
                            + " join processed_signal p on p.event_id = c.signal_event_id where c.status = 'OPEN'")
                    .query((row, n) -> stored.put(row.getString("pattern_key"), new Instant[] {
                            row.getTimestamp("processed_at").toInstant(), row.getTimestamp("proposed_at").toInstant()}))
                    .list();
            Phases toCandidate = new Phases("signal->candidate", "published->consumed", "consumed->stored", "stored->seen");
            published.forEach((key, at) -> {
                Instant[] times = stored.get(key);
                if (times != null && seen.containsKey(key)) {
                    toCandidate.add(key, Duration.between(runStarted, at), at, times[0], times[1], seen.get(key));
                }
            });

            // (b) acceptance -> webhook received, at the rate
            List<String> candidates = jdbc.sql("select candidate_id from candidate where status = 'OPEN' order by proposed_at")
                    .query(String.class).list();
            Map<String, Instant[]> accepted = new LinkedHashMap<>();
            Instant acceptStarted = Instant.now();
            long next = System.nanoTime();
            for (String candidate : candidates) {
                pace(next);
                Instant at = Instant.now();
                HttpResponse<String> response = accept(http, port, candidate);
                Instant answered = Instant.now();
                if (response.statusCode() == 201) {
                    JsonNode json = JSON.readTree(response.body());
                    accepted.put(json.get("escalationId").asText(), new Instant[] {at, answered});
                }
                next += gapNanos;
            }
            // received, and its first attempt stored (the sender writes it after the endpoint has answered)
            giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while ((!received.keySet().containsAll(accepted.keySet()) || jdbc.sql("select count(*) from webhook_delivery"
                            + " where status = 'DELIVERED' and ce_type like '%EscalationRaised%'").query(Integer.class).single()
                            < accepted.size() + 1)
                    && Instant.now().isBefore(giveUp)) {
                Thread.sleep(200);
            }
            Map<String, Instant[]> delivery = new HashMap<>();
            jdbc.sql("select v.escalation_id, v.raised_at, a.attempted_at from escalation_view v"
                            + " join webhook_delivery d on d.escalation_id = v.escalation_id and d.ce_type like '%EscalationRaised%'"
                            + " join webhook_attempt a on a.webhook_id = d.webhook_id and a.attempt = 1")
                    .query((row, n) -> delivery.put(row.getString("escalation_id"), new Instant[] {
                            row.getTimestamp("raised_at").toInstant(), row.getTimestamp("attempted_at").toInstant()}))
                    .list();
            Phases toWebhook = new Phases("accept->webhook", "accept->raised", "raised->committed", "committed->attempt",
                    "attempt->received");
            accepted.forEach((id, at) -> {
                Instant[] times = delivery.get(id);
                if (times != null && received.containsKey(id)) {
                    toWebhook.add(id.substring(0, 8), Duration.between(acceptStarted, at[0]), at[0], times[0], at[1],
                            times[1], received.get(id));
                }
            });
            System.out.println("BENCH escalation rate=" + rate + "/min patterns=" + count + " cores="
                    + Runtime.getRuntime().availableProcessors() + " load=" + loadAverage());
            toCandidate.print(count);
            toWebhook.print(accepted.size());
            System.out.println("BENCH signal->candidate   " + figures(toCandidate.totals(), count));
            System.out.println("BENCH accept->webhook     " + figures(toWebhook.totals(), accepted.size()));
        } finally {
            receiver.stop(0);
        }
    }

    private static HttpResponse<String> accept(HttpClient http, int port, String candidate) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/candidates/" + candidate + "/accept"))
                .header("Authorization", TestIdentity.bearer(TestIdentity.placeLead()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"What will you change about this pattern?\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Notes when each pattern's candidate is first visible (committed), until {@code count} are or two minutes pass. */
    private static void watch(JdbcClient jdbc, Map<String, Instant> seen, int count) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2)).plus(Duration.ofMinutes(1));
        try {
            while (seen.size() < count && Instant.now().isBefore(giveUp)) {
                Instant now = Instant.now();
                jdbc.sql("select pattern_key from candidate where status = 'OPEN'").query(String.class).list()
                        .forEach(key -> seen.putIfAbsent(key, now));
                Thread.sleep(HARNESS_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EvidenceSignal signal(String theme, String actor) {
        Instant now = Instant.now();
        return new EvidenceSignal(UUID.randomUUID().toString(), now, EvidenceSignal.patternKey(theme, actor), theme, actor,
                9, 4, List.of(new WindowCount(90, 8, 4)), now.minus(Duration.ofDays(40)), now);
    }

    private static void awaitCandidates(JdbcClient jdbc, int open, Duration atMost) throws InterruptedException {
        Instant giveUp = Instant.now().plus(atMost);
        while (jdbc.sql("select count(*) from candidate where status = 'OPEN'").query(Integer.class).single() < open
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(HARNESS_POLL.toMillis());
        }
    }

    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void pace(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Per-sample timings of one path, split at the instants each phase ends. */
    private static final class Phases {
        private final String path;
        private final String[] names;
        private final List<String> lines = new ArrayList<>();
        private final List<Long> totals = new ArrayList<>();
        private final List<List<Long>> byPhase = new ArrayList<>();

        Phases(String path, String... names) {
            this.path = path;
            this.names = names;
            for (int i = 0; i < names.length; i++) {
                byPhase.add(new ArrayList<>());
            }
        }

        /** One sample: when it started in the run, then the instants from its start to its end. */
        void add(String sample, Duration offset, Instant... instants) {
            StringBuilder line = new StringBuilder(String.format("BENCH sample %-17s %-40s t=%6.1fs total=%5d ms |", path,
                    sample, offset.toMillis() / 1000.0, Duration.between(instants[0], instants[instants.length - 1]).toMillis()));
            for (int i = 0; i < names.length; i++) {
                long millis = Duration.between(instants[i], instants[i + 1]).toMillis();
                byPhase.get(i).add(millis);
                line.append(' ').append(names[i]).append('=').append(millis);
            }
            totals.add(Duration.between(instants[0], instants[instants.length - 1]).toMillis());
            lines.add(line.toString());
        }

        List<Long> totals() {
            return totals;
        }

        void print(int expected) {
            lines.forEach(System.out::println);
            for (int i = 0; i < names.length; i++) {
                System.out.println("BENCH phase " + path + " " + names[i] + " " + figures(byPhase.get(i), expected));
            }
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
