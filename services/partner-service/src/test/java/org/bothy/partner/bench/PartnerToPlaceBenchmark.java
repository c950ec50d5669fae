package org.bothy.partner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.SystemActor;
import org.bothy.kernel.codes.Theme;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.topics.Topics;
import org.bothy.support.ids.RandomIds;
import org.bothy.testsupport.PlaceWatch;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.RealPostgres;
import org.bothy.testsupport.TestIdentity;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A harness, not a test: partner command accepted -> visible in a place query, at 500 events/s. One partner service
 * runs in this JVM and the place service in a JVM of its own (its executable jar), on the test kit's real PostgreSQL
 * (a database each) and real KRaft broker, so that a barrier reaches the place only as in the consortium: the
 * partner's event store, its publisher, the broker, the place's intake and its tables. People are enrolled over HTTP
 * as a worker would (untimed); then barriers are recorded through the partner's own command gateway (the command,
 * journey aggregate and event {@code POST /journeys/{id}/barriers} sends, without HTTP: two cores cannot answer 500
 * HTTP commands a second and run the rest) on an open-loop schedule, while a place lead's
 * {@code GET /barriers?organisation=} is read every few milliseconds. Each barrier is timed from its command's commit
 * (when a 201 would be sent) to the first answer of the place that counts it. Asserts nothing.
 *
 * <p>Every barrier of a pattern (theme x system actor) is a person the place has not counted under it yet, and each
 * pattern belongs to one phase and one partition of the partner's topic; a partition reaches the place in order, so
 * the k-th barrier of a pattern in the topic's order is visible exactly when the place counts k people under it. The
 * learning topic keeps the broker's append time, which splits each barrier's path into accepted -> on the broker ->
 * visible.
 *
 * <p>Run: {@code ./mvnw -B -o -pl services/partner-service -am verify -Ppartner-to-place-bench -DskipTests} (settings:
 * {@code -Dbench.rate=500 -Dbench.seconds=60 -Dbench.warm-up-seconds=120 -Dbench.poll-millis=10
 * -Dbench.place-jvm="-Xmx1g"}).
 */
public final class PartnerToPlaceBenchmark {

    private static final String ORGANISATION = "spartans";
    private static final String TOPIC = Topics.learning(ORGANISATION);
    private static final int PARTITIONS = RealKafka.PARTITIONS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InProcessCommands commands;
    private final List<String> patterns;
    private final int perPartition;
    private final List<List<String>> people;
    private final int pollMillis;

    private PartnerToPlaceBenchmark(InProcessCommands commands, List<String> patterns, List<List<String>> people,
            int pollMillis) {
        this.commands = commands;
        this.pollMillis = pollMillis;
        this.patterns = patterns;
        this.perPartition = patterns.size() / (2 * PARTITIONS);
        this.people = people;
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 500);
        int seconds = Integer.getInteger("bench.seconds", 60);
        // the JIT compiles the partner's paths for two minutes at this rate: with 30 or 60 s of warm-up it still took a
        // quarter to a half of a core through the measured phase, and set its first windows' p99
        int warmUpSeconds = Integer.getInteger("bench.warm-up-seconds", 120);
        int pollMillis = Integer.getInteger("bench.poll-millis", 10);
        Path placeJar = Path.of(System.getProperty("bench.place-jar",
                "services/place-service/target/place-service-0.1.0-SNAPSHOT-exec.jar"));
        List<String> placeJvm = Arrays.stream(System.getProperty("bench.place-jvm", "-Xmx1g").trim().split("\\s+"))
                .filter(option -> !option.isEmpty()).toList();
        long run = System.currentTimeMillis();
        Codes codes = Codes.northEdinburgh();
        List<String> patterns = new ArrayList<>();
        for (SystemActor actor : codes.systemActors()) {
            for (Theme theme : codes.themes()) {
                patterns.add(theme.code() + ":" + actor.code());
            }
        }
        PartnerBenchmark.createLearningTopicWithAppendTime(TOPIC);
        RealKafka.createTopics(Topics.REFERRALS);
        Path log = Files.createTempFile("place-service-", ".log");
        System.out.printf("partner -> place benchmark: %d barriers/s for %d s after a %d s warm-up, %d cores; place "
                + "JVM %s, log %s%n", rate, seconds, warmUpSeconds, Runtime.getRuntime().availableProcessors(),
                placeJvm, log);
        try (PlaceProcess place = PlaceProcess.start(placeJar, "pipeline_place_" + run, placeJvm, log)) {
            ConfigurableApplicationContext partner = PartnerBenchmark.startService(ORGANISATION,
                    "pipeline_partner_" + run, 20);
            try {
                String partnerUrl = "http://localhost" + ":" + partner.getEnvironment().getProperty("local.server.port");
                int perPartition = patterns.size() / (2 * PARTITIONS);
                // each phase sends rate x seconds barriers round the partitions; a person meets each pattern once
                int needed = (int) Math.ceil((double) rate * Math.max(seconds, warmUpSeconds) / PARTITIONS
                        / perPartition) + 1;
                List<List<String>> people = enrol(partnerUrl, needed);
                PartnerToPlaceBenchmark bench = new PartnerToPlaceBenchmark(new InProcessCommands(partner), patterns,
                        people, pollMillis);
                try (PlaceWatch watch = new PlaceWatch(URI.create(place.url() + "/barriers?organisation="
                        + ORGANISATION), TestIdentity.placeLead(), pollMillis)) {
                    System.out.printf("%nWARM-UP, not counted (the JIT compiles both services' paths):%n");
                    bench.phase(false, rate, warmUpSeconds, watch, place);
                    System.out.printf("%nMEASURED:%n");
                    bench.phase(true, rate, seconds, watch, place);
                }
            } finally {
                partner.close();
            }
        }
        System.exit(0);
    }

    /** One barrier sent: its pattern, when it was offered and when its command committed (0 if refused). */
    private record Sent(String barrierId, String pattern, long offeredNanos, long acceptedNanos, long acceptedMillis) {
    }

    /**
     * Opens journeys over HTTP, each for a person with share consent, until every partition of the topic has
     * {@code needed} people; returns their journeys' ids by the partition their events go to.
     */
    private static List<List<String>> enrol(String partnerUrl, int needed) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String bearer = TestIdentity.bearer(TestIdentity.worker(ORGANISATION));
        List<List<String>> people = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            people.add(new CopyOnWriteArrayList<>());
        }
        long started = System.nanoTime();
        AtomicInteger opened = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            while (people.stream().anyMatch(partition -> partition.size() < needed)) {
                int short_ = people.stream().mapToInt(partition -> Math.max(0, needed - partition.size())).max()
                        .orElse(0);
                List<Future<?>> batch = new ArrayList<>();
                // the partitioner spreads people evenly, so a round a little larger than the shortfall of the
                // shortest partition, times the partitions, fills it
                for (int i = 0; i < short_ * PARTITIONS + 8; i++) {
                    batch.add(pool.submit(() -> {
                        int n = opened.incrementAndGet();
                        String body = """
                                {"person": {"fullName": "Pipeline Person %d", "dateOfBirth": "1970-01-01"},
                                 "consents": ["share-learning"], "door": "drop-in"}""".formatted(n);
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(partnerUrl
                                        + "/journeys")).header("Authorization", bearer)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("journey not opened: " + response.statusCode() + " "
                                    + response.body());
                        }
                        JsonNode journey = JSON.readTree(response.body());
                        String pseudonym = journey.get("pseudonym").asText();
                        int partition = Utils.toPositive(Utils.murmur2(pseudonym.getBytes(StandardCharsets.UTF_8)))
                                % PARTITIONS;
                        people.get(partition).add(journey.get("journeyId").asText());
                        return null;
                    }));
                }
                for (Future<?> each : batch) {
                    each.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("enrolled %d people over HTTP in %.1f s (%s per partition; %d needed in each)%n",
                opened.get(), (System.nanoTime() - started) / 1e9,
                people.stream().map(partition -> String.valueOf(partition.size())).toList(), needed);
        return people;
    }

    /** The pattern of the {@code slot}-th pattern of a partition in a phase: no two phases or partitions share one. */
    private String pattern(boolean measured, int partition, int slot) {
        return patterns.get(((measured ? PARTITIONS : 0) + partition) * perPartition + slot);
    }

    private void phase(boolean measured, int rate, int seconds, PlaceWatch watch, PlaceProcess place) throws Exception {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        List<Sent> sent = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        ThreadCpu threads = ThreadCpu.start();
        long jvmCpu = PartnerBenchmark.processCpuNanos();
        long placeCpu = place.cpuNanos();
        long pgCpu = DatabaseWatch.serverCpuNanos(RealPostgres.port());
        if (measured) {
            watch.timePolls();
        }
        long start = System.nanoTime();
        // the broker stamps records with the epoch's ms, the watch its sightings with the JVM's ns
        long epochMillisAtStart = System.currentTimeMillis();
        for (int i = 0; i < total; i++) {
            int partition = i % PARTITIONS;
            int within = i / PARTITIONS;
            String journeyId = people.get(partition).get(within / perPartition);
            String pattern = pattern(measured, partition, within % perPartition);
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            // open loop: each barrier is timed from when it was due, so waiting for a free sender counts
            senders.submit(() -> {
                String barrierId = RandomIds.next();
                int colon = pattern.indexOf(':');
                if (commands.recordBarrier(journeyId, barrierId, pattern.substring(0, colon),
                        pattern.substring(colon + 1))) {
                    sent.add(new Sent(barrierId, pattern, due, System.nanoTime(), System.currentTimeMillis()));
                } else {
                    refused.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> expected = new HashMap<>();
        sent.forEach(barrier -> expected.merge(barrier.pattern(), 1L, Long::sum));
        boolean all = watch.awaitCounts(expected, Duration.ofMinutes(2));
        // CPU up to the moment the last barrier was visible: everything the phase made the stack do
        double jvmMs = (PartnerBenchmark.processCpuNanos() - jvmCpu) / 1e6 / Math.max(1, sent.size());
        double placeMs = (place.cpuNanos() - placeCpu) / 1e6 / Math.max(1, sent.size());
        double pgMs = (DatabaseWatch.serverCpuNanos(RealPostgres.port()) - pgCpu) / 1e6 / Math.max(1, sent.size());
        String byThread = threads.perCommand(sent.size());

        Map<String, long[]> onTopic = appended(sent);
        List<long[]> timings = new ArrayList<>();
        Map<String, List<Sent>> byPattern = new HashMap<>();
        sent.forEach(barrier -> byPattern.computeIfAbsent(barrier.pattern(), p -> new ArrayList<>()).add(barrier));
        int unpublished = 0;
        for (Map.Entry<String, List<Sent>> entry : byPattern.entrySet()) {
            List<Sent> barriers = new ArrayList<>(entry.getValue());
            // a pattern's barriers are on one partition: the k-th in offset order is the one the k-th count shows
            unpublished += (int) barriers.stream().filter(b -> !onTopic.containsKey(b.barrierId())).count();
            barriers.removeIf(b -> !onTopic.containsKey(b.barrierId()));
            barriers.sort(Comparator.comparingLong(b -> onTopic.get(b.barrierId())[0]));
            for (int k = 0; k < barriers.size(); k++) {
                Sent barrier = barriers.get(k);
                long seenNanos = watch.firstSeenAtLeast(entry.getKey(), k + 1);
                if (seenNanos < 0) {
                    continue;
                }
                long appendedMillis = onTopic.get(barrier.barrierId())[1];
                long seenMillis = epochMillisAtStart + (seenNanos - start) / 1_000_000;
                timings.add(new long[] {
                        (seenNanos - barrier.acceptedNanos()) / 1_000_000,
                        appendedMillis - barrier.acceptedMillis(),
                        seenMillis - appendedMillis,
                        (barrier.acceptedNanos() - barrier.offeredNanos()) / 1_000_000,
                        (barrier.acceptedNanos() - start) / 1_000_000_000});
            }
        }
        System.out.printf("offered %d barriers/s for %d s: %d accepted (%.0f/s until the last), %d refused; %s "
                        + "visible; %d not found on the topic%n", rate, seconds, sent.size(),
                sent.size() / sendSeconds, refused.get(), all ? "all" : "NOT all", unpublished);
        System.out.printf("  accepted -> visible in GET /barriers: %s%n", percentiles(timings, 0));
        System.out.printf("  accepted -> on the broker (publisher):  %s%n", percentiles(timings, 1));
        System.out.printf("  on the broker -> visible (place):      %s%n", percentiles(timings, 2));
        System.out.printf("  due -> accepted (the command):         %s%n", percentiles(timings, 3));
        System.out.printf("  accepted -> visible by the 10 s window the command was accepted in: %s%n",
                byWindow(timings));
        if (measured) {
            long[] polls = Arrays.stream(watch.pollDurations()).map(nanos -> nanos / 1_000_000).sorted().toArray();
            System.out.printf("  the place lead's GET /barriers, polled %d ms after each answer: %d answered, p50 %d "
                    + "ms, p99 %d ms, %d failed%n", pollMillis, polls.length, PartnerBenchmark.at(polls, 50),
                    PartnerBenchmark.at(polls, 99), watch.failures());
        }
        System.out.printf("  CPU per barrier: this JVM (partner, broker, harness) %.2f ms, place JVM %.2f ms, "
                + "PostgreSQL %.2f ms; load average %.1f%n", jvmMs, placeMs, pgMs, PartnerBenchmark.loadAverage());
        System.out.printf("  this JVM's CPU per barrier by thread (ms): %s%n", byThread);
    }

    /** Per barrier id on the topic: its offset and the broker's append time. */
    private static Map<String, long[]> appended(List<Sent> sent) {
        Map<String, long[]> wanted = new HashMap<>();
        sent.forEach(barrier -> wanted.put(barrier.barrierId(), null));
        Map<String, long[]> found = new HashMap<>();
        ContractCodec codec = ContractCodec.standard();
        for (ConsumerRecord<String, byte[]> record : RealKafka.readAll(TOPIC, Duration.ofSeconds(60))) {
            Header type = record.headers().lastHeader("ce_type");
            if (type == null || !new String(type.value(), StandardCharsets.UTF_8).contains("BarrierObserved")) {
                continue;
            }
            if (codec.fromRecord(record) instanceof BarrierObserved barrier
                    && wanted.containsKey(barrier.barrierId())) {
                found.put(barrier.barrierId(), new long[] {record.offset(), record.timestamp()});
            }
        }
        return found;
    }

    private static String percentiles(List<long[]> timings, int column) {
        long[] sorted = timings.stream().mapToLong(timing -> timing[column]).sorted().toArray();
        return String.format("p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (n=%d)", PartnerBenchmark.at(sorted, 50),
                PartnerBenchmark.at(sorted, 95), PartnerBenchmark.at(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], sorted.length);
    }

    private static String byWindow(List<long[]> timings) {
        Map<Long, List<Long>> windows = new TreeMap<>();
        timings.forEach(timing -> windows.computeIfAbsent(timing[4] / 10, w -> new ArrayList<>()).add(timing[0]));
        StringBuilder text = new StringBuilder();
        windows.forEach((window, lags) -> {
            long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
            text.append(text.length() == 0 ? "" : "; ").append(String.format("%d-%d s: p50 %d, p99 %d", window * 10,
                    window * 10 + 10, PartnerBenchmark.at(sorted, 50), PartnerBenchmark.at(sorted, 99)));
        });
        return text.toString();
    }
}
