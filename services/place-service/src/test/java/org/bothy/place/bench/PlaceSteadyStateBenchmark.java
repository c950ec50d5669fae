package org.bothy.place.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.topics.Topics;
import org.bothy.place.PlaceServiceApplication;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.RealPostgres;
import org.bothy.testsupport.TestIdentity;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A harness, not a test: the steady state of the place. Starts the real place service on the test kit's real
 * PostgreSQL and in-process KRaft broker, publishes {@code BarrierObserved} as a partner service does (the kernel's
 * codec, binary CloudEvents keyed by pseudonym, on {@code bothy.learning.<org>} with the kit's 3 partitions) at a
 * steady rate, and polls {@code GET /barriers?organisation=} over HTTP as a place lead until each event's person is
 * counted. Prints p50/p99/max of ce_time to visible. Asserts nothing. Run as docs/performance.md says.
 *
 * <p>Every event is a new person, so a pattern's count says how many of its events are visible. Each partition gets
 * a pattern of its own (the pseudonym is drawn until Kafka's partitioner puts it there), and a partition is applied in
 * order, so the k-th event sent to a partition is visible exactly when its pattern counts k people.
 */
public final class PlaceSteadyStateBenchmark {

    private static final String ORGANISATION = "steady-state";
    private static final String TOPIC = Topics.LEARNING_PREFIX + ORGANISATION;
    private static final String[][] PATTERNS = {
            {"housing", "council-housing"}, {"debt", "council-revenues"}, {"welfare-benefits", "universal-credit"}};
    private static final Pattern COUNT = Pattern.compile(
            "\\{\"theme\":\"([a-z-]+)\",\"systemActor\":\"([a-z-]+)\",\"people\":(\\d+),");

    private PlaceSteadyStateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 500);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmUpSeconds = Integer.getInteger("bench.warm-up-seconds", 5);
        RealKafka.createTopics(TOPIC, Topics.REFERRALS);
        ConfigurableApplicationContext place = SpringApplication.run(PlaceServiceApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + RealPostgres.jdbcUrl("place_steady"),
                "--spring.datasource.username=" + RealPostgres.username(),
                "--spring.datasource.password=" + RealPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + RealKafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIdentity.jwksUri(),
                "--logging.level.root=WARN");
        int port = Integer.parseInt(place.getEnvironment().getProperty("local.server.port"));
        try {
            Visibility visibility = new Visibility(port);
            System.out.printf("warm-up: %d s at %d events/s%n", warmUpSeconds, rate);
            publish(rate, warmUpSeconds, visibility, false);
            visibility.awaitAll(Duration.ofSeconds(60));
            System.out.printf("measuring: %d s at %d events/s, on %s (%d partitions)%n", seconds, rate, TOPIC, PATTERNS.length);
            Costs costs = new Costs(place.getBean(MeterRegistry.class));
            Costs.Reading before = costs.read();
            long started = System.nanoTime();
            int sent = publish(rate, seconds, visibility, true);
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            boolean all = visibility.awaitAll(Duration.ofSeconds(120));
            costs.print(before, costs.read(), sent);
            long[] lags = visibility.measuredLags();
            Arrays.sort(lags);
            System.out.printf("published %,d events in %.1f s (%,.0f events/s); %s visible%n", sent, sendSeconds,
                    sent / sendSeconds, all ? "all" : "NOT all (" + lags.length + ")");
            System.out.printf("ce_time -> visible in GET /barriers: p50 %d ms, p99 %d ms, max %d ms (%d events; polled every %d ms)%n",
                    percentile(lags, 0.50), percentile(lags, 0.99), lags.length == 0 ? 0 : lags[lags.length - 1],
                    lags.length, Visibility.POLL_MILLIS);
            // The service's own view of the same path, up to the commit (before any query sees it).
            Timer projected = place.getBean(MeterRegistry.class).find("bothy.projection.latency").timer();
            if (projected != null) {
                System.out.printf("the service's bothy.projection.latency (occurredAt -> committed, warm-up included): "
                        + "%d events, mean %.0f ms, max %.0f ms%n", projected.count(),
                        projected.mean(TimeUnit.MILLISECONDS), projected.max(TimeUnit.MILLISECONDS));
            }
            visibility.stop();
        } finally {
            place.close();
        }
        System.exit(0);
    }

    /**
     * What the measured phase cost, which moves less than the latencies on a shared machine: CPU of the intake's
     * thread, of this whole JVM (service, broker, harness) and of every PostgreSQL process, per event; and the
     * intake's batches (how many, records each, mean read -> commit) from its own meters.
     */
    private static final class Costs {

        /** One reading of every counter. */
        record Reading(long intakeNanos, long jvmNanos, long postgresTicks, long batches, double applyMillis,
                       double records, String load) {
        }

        private final MeterRegistry meters;
        private final long postmaster;

        Costs(MeterRegistry meters) throws Exception {
            this.meters = meters;
            try (java.sql.Connection connection = RealPostgres.dataSource("place_steady").getConnection();
                 java.sql.ResultSet rows = connection.createStatement().executeQuery("show data_directory")) {
                rows.next();
                this.postmaster = Long.parseLong(java.nio.file.Files.readAllLines(
                        java.nio.file.Path.of(rows.getString(1), "postmaster.pid")).get(0).trim());
            }
        }

        Reading read() throws Exception {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long intake = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("learning-intake")) {
                    intake += threads.getThreadCpuTime(thread.getId());
                }
            }
            long jvm = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            Timer apply = meters.find("bothy.intake.apply").timer();
            io.micrometer.core.instrument.DistributionSummary records =
                    meters.find("bothy.intake.poll.records").summary();
            return new Reading(intake, jvm, postgresTicks(), apply == null ? 0 : apply.count(),
                    apply == null ? 0 : apply.totalTime(TimeUnit.MILLISECONDS),
                    records == null ? 0 : records.totalAmount(),
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        }

        /** utime + stime of the postmaster and its children (the backends, the background workers), in ticks. */
        private long postgresTicks() throws Exception {
            long ticks = 0;
            try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path process : processes.toList()) {
                    if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String stat;
                    try {
                        stat = java.nio.file.Files.readString(process.resolve("stat"));
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            return ticks;
        }

        void print(Reading before, Reading after, int events) {
            double tick = 10.0; // ms per clock tick (USER_HZ 100)
            long batches = after.batches() - before.batches();
            System.out.printf("load average %s -> %s%n", before.load(), after.load());
            System.out.printf("CPU per event: intake thread %.3f ms, PostgreSQL %.3f ms, this JVM (service, broker, "
                            + "harness) %.3f ms (%d events)%n",
                    (after.intakeNanos() - before.intakeNanos()) / 1e6 / events,
                    (after.postgresTicks() - before.postgresTicks()) * tick / events,
                    (after.jvmNanos() - before.jvmNanos()) / 1e6 / events, events);
            if (batches > 0) {
                System.out.printf("intake batches: %d, %.1f records each, read -> commit mean %.1f ms; "
                                + "intake thread CPU %.2f ms and PostgreSQL CPU %.1f ms per batch%n",
                        batches, (after.records() - before.records()) / batches,
                        (after.applyMillis() - before.applyMillis()) / batches,
                        (after.intakeNanos() - before.intakeNanos()) / 1e6 / batches,
                        (after.postgresTicks() - before.postgresTicks()) * tick / batches);
            }
        }
    }

    /** Sends {@code rate} events a second for {@code seconds}, paced; returns how many were sent. */
    private static int publish(int rate, int seconds, Visibility visibility, boolean measured) throws Exception {
        ContractCodec codec = ContractCodec.standard();
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int partition = i % PATTERNS.length;
                String pseudonym = pseudonymOn(partition);
                Instant now = Instant.now();
                BarrierObserved barrier = new BarrierObserved(UUID.randomUUID().toString(), now, ORGANISATION, pseudonym,
                        "j-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), PATTERNS[partition][0], PATTERNS[partition][1], 2);
                ProducerRecord<String, byte[]> record = codec.toRecord(TOPIC, "/bothy/partner/" + ORGANISATION, barrier);
                visibility.sent(partition, now, measured);
                producer.send(record);
            }
            producer.flush();
        }
        return total;
    }

    /** A fresh 64-hex pseudonym that Kafka's default partitioner puts on {@code partition}. */
    private static String pseudonymOn(int partition) {
        while (true) {
            byte[] bytes = new byte[32];
            UUID one = UUID.randomUUID();
            UUID two = UUID.randomUUID();
            java.nio.ByteBuffer.wrap(bytes).putLong(one.getMostSignificantBits()).putLong(one.getLeastSignificantBits())
                    .putLong(two.getMostSignificantBits()).putLong(two.getLeastSignificantBits());
            String pseudonym = HexFormat.of().formatHex(bytes);
            byte[] key = pseudonym.getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PATTERNS.length == partition) {
                return pseudonym;
            }
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    /** Polls the view as a place lead and notes when each partition's k-th event became visible. */
    private static final class Visibility {

        static final int POLL_MILLIS = 5;

        private final HttpClient http = HttpClient.newHttpClient();
        private final URI uri;
        private final String bearer = TestIdentity.bearer(TestIdentity.placeLead());
        // Per partition, in send order: when each event happened (ce_time) and whether it is measured.
        private final List<List<Instant>> sentAt = new ArrayList<>();
        private final List<List<Boolean>> measured = new ArrayList<>();
        private final int[] visible = new int[PATTERNS.length];
        private final List<Long> lags = new CopyOnWriteArrayList<>();
        private final Thread poller;
        private volatile boolean running = true;

        Visibility(int port) {
            uri = URI.create("http://localhost:" + port + "/barriers?organisation=" + ORGANISATION);
            for (int i = 0; i < PATTERNS.length; i++) {
                sentAt.add(new CopyOnWriteArrayList<>());
                measured.add(new CopyOnWriteArrayList<>());
            }
            poller = new Thread(this::poll, "visibility-poller");
            poller.setDaemon(true);
            poller.start();
        }

        void sent(int partition, Instant at, boolean measure) {
            sentAt.get(partition).add(at);
            measured.get(partition).add(measure);
        }

        private void poll() {
            while (running) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("Authorization", bearer).header("Accept", "application/json").GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    Instant seen = Instant.now();
                    Matcher counts = COUNT.matcher(response.body());
                    while (counts.find()) {
                        int partition = partitionOf(counts.group(1), counts.group(2));
                        int people = Integer.parseInt(counts.group(3));
                        synchronized (this) {
                            for (int k = visible[partition]; k < people && k < sentAt.get(partition).size(); k++) {
                                if (measured.get(partition).get(k)) {
                                    lags.add(Duration.between(sentAt.get(partition).get(k), seen).toMillis());
                                }
                                visible[partition] = k + 1;
                            }
                        }
                    }
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException stop) {
                    return;
                } catch (Exception failed) {
                    System.out.println("poll failed: " + failed);
                }
            }
        }

        private static int partitionOf(String theme, String systemActor) {
            for (int i = 0; i < PATTERNS.length; i++) {
                if (PATTERNS[i][0].equals(theme) && PATTERNS[i][1].equals(systemActor)) {
                    return i;
                }
            }
            throw new IllegalStateException("not a pattern of this harness: " + theme + "/" + systemActor);
        }

        /** Waits until every event sent so far is visible; false if {@code timeout} passed first. */
        boolean awaitAll(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    boolean all = true;
                    for (int i = 0; i < PATTERNS.length; i++) {
                        all &= visible[i] >= sentAt.get(i).size();
                    }
                    if (all) {
                        return true;
                    }
                }
                Thread.sleep(50);
            }
            return false;
        }

        long[] measuredLags() {
            return lags.stream().mapToLong(Long::longValue).toArray();
        }

        void stop() {
            running = false;
            poller.interrupt();
        }
    }
}
