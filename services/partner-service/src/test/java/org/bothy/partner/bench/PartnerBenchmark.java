package org.bothy.partner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bothy.kernel.topics.Topics;
import org.bothy.partner.PartnerServiceApplication;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.RealPostgres;
import org.bothy.testsupport.TestIdentity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A harness, not a test: starts one partner service on a real PostgreSQL and a real Kafka broker, drives its HTTP API
 * with a realistic mix of a worker's commands from N concurrent clients for a fixed time, and prints commands/s and
 * latency percentiles beside the raw single-row insert rate of the same PostgreSQL, measured in the same run; then
 * measures the publisher's lag from event stored to Kafka's acknowledgement (the learning topic uses broker append
 * time, so a record's timestamp is when the broker took it) in two paced phases: contacts over HTTP at a rate the
 * service can answer ({@code bench.rate}), then contacts sent in-process through the command gateway, the same
 * command, aggregate and event without HTTP, at {@code bench.append-rate} (500 events/s, the rate the aim names,
 * which two cores cannot answer over HTTP).
 *
 * <p>Run: {@code ./mvnw -B -pl services/partner-service -am verify -Pbench -DskipTests} (settings:
 * {@code -Dbench.clients=16 -Dbench.seconds=30 -Dbench.warm-up-seconds=30 -Dbench.rate=200 -Dbench.append-rate=500
 * -Dbench.lag-seconds=60 -Dbench.append-warm-up-seconds=30}, the last an in-process phase at the append rate before
 * the measured one, printed and not counted); {@code -Dbench.mix=false} skips the raw inserts and the mix and
 * measures only the publisher (after the warm-up); {@code -Dbench.reader=axon} runs the service on Axon's own event store reader
 * instead of service-support's, for a before-and-after run; {@code -Dbench.service-args="--name=value ..."} starts
 * the service with other settings).
 */
public final class PartnerBenchmark {

    private static final String ORGANISATION = "spartans";
    private static final String TOPIC = Topics.learning(ORGANISATION);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] THEMES = {"housing", "debt", "welfare-benefits", "mental-health", "employment"};
    private static final String[] ACTORS = {"council-housing", "universal-credit", "gp", "jobcentre"};
    private static final String[] KINDS = {"visit", "call", "message", "meeting"};
    private static final String[] DIMENSIONS = {"confidence", "wellbeing", "safety", "connection", "hope", "control"};

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
    private final String token = TestIdentity.worker(ORGANISATION);
    private final int port;

    private PartnerBenchmark(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmUpSeconds = Integer.getInteger("bench.warm-up-seconds", 30);
        // over HTTP two cores answer some 290-340 commands/s at most: beyond that the lag measures a queue of requests
        int rate = Integer.getInteger("bench.rate", 200);
        int appendRate = Integer.getInteger("bench.append-rate", 500);
        int lagSeconds = Integer.getInteger("bench.lag-seconds", 60);
        int appendWarmUpSeconds = Integer.getInteger("bench.append-warm-up-seconds", 30);
        boolean mix = Boolean.parseBoolean(System.getProperty("bench.mix", "true"));
        String database = "partner_bench_" + System.currentTimeMillis();
        createLearningTopicWithAppendTime(TOPIC);
        // -Dbench.reader=axon runs the service on Axon's own event store reader, to compare with the indexed one
        boolean axonsReader = "axon".equals(System.getProperty("bench.reader"));
        ConfigurableApplicationContext service = startService(ORGANISATION, database, Math.max(10, clients + 4),
                axonsReader ? new Class<?>[] {AxonsOwnReader.class} : new Class<?>[0]);
        try {
            PartnerBenchmark bench = new PartnerBenchmark(Integer.parseInt(
                    service.getEnvironment().getProperty("local.server.port")));
            System.out.printf("event store reader: %s; event store: %s%n", service.getBean(
                    org.axonframework.eventsourcing.eventstore.EventStorageEngine.class).getClass().getName(),
                    service.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).getClass().getName());
            System.out.printf("service settings: %s%n", System.getProperty("bench.service-args", "(defaults)"));
            bench.run(database, clients, seconds, warmUpSeconds, mix);
            bench.publisherLag(database, rate, appendRate, lagSeconds, appendWarmUpSeconds,
                    new InProcessCommands(service));
        } finally {
            service.close();
        }
        System.exit(0);
    }

    /**
     * Starts one partner service for {@code organisation} on the test kit's PostgreSQL ({@code database}) and broker,
     * with {@code pool} database connections, and any {@code -Dbench.service-args="--name=value ..."}.
     */
    static ConfigurableApplicationContext startService(String organisation, String database, int pool,
            Class<?>... extraSources) {
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = PartnerServiceApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        return new SpringApplicationBuilder(sources).run(serviceArgs(new String[] {
                "--server.port=0",
                "--bothy.organisation=" + organisation,
                "--bothy.pseudonym-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--spring.datasource.url=" + RealPostgres.jdbcUrl(database),
                "--spring.datasource.username=" + RealPostgres.username(),
                "--spring.datasource.password=" + RealPostgres.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + pool,
                "--spring.kafka.bootstrap-servers=" + RealKafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIdentity.jwksUri(),
                "--logging.level.root=WARN"},
                // -Dbench.service-args="--server.tomcat.threads.max=4 ..." tries the service with other settings
                System.getProperty("bench.service-args", "").trim().split("\\s+")));
    }

    private void run(String database, int clients, int seconds, int warmUpSeconds, boolean mixToo)
            throws Exception {
        System.out.printf("partner-service benchmark: %d clients, %d s, %d cores, PostgreSQL %s, Kafka %s%n",
                clients, seconds, Runtime.getRuntime().availableProcessors(), RealPostgres.jdbcUrl(database),
                RealKafka.bootstrapServers());
        // the JIT compiles the service, Hibernate, Axon and the broker for a minute or more: measured before that,
        // the mix counts the compiler's CPU as the commands'
        DatabaseWatch watch = new DatabaseWatch(RealPostgres.jdbcUrl(database), RealPostgres.username(),
                RealPostgres.password());
        warmUp(clients, warmUpSeconds);
        if (!mixToo) {
            watch.close();
            return;
        }
        double inserts = rawInsertRate(database, clients, seconds);
        long cpuBefore = processCpuNanos();
        long pgCpuBefore = DatabaseWatch.serverCpuNanos(RealPostgres.port());
        DatabaseWatch.Sampler mixWaits = watch.sampleWaits(50);
        ThreadCpu mixThreads = ThreadCpu.start();
        Map<String, Long> threadsBefore = cpuByThreadGroup();
        long compilingBefore = compilingMillis();
        long transactionsBefore = transactions(database);
        Mix mix = commandMix(clients, seconds);
        String threadsInMix = mixThreads.perCommand(mix.count());
        String waitsInMix = mixWaits.finish();
        double cpuPerCommand = (processCpuNanos() - cpuBefore) / 1e6 / mix.count();
        double pgCpuPerCommand = (DatabaseWatch.serverCpuNanos(RealPostgres.port()) - pgCpuBefore) / 1e6 / mix.count();
        Map<String, Long> threadsAfter = cpuByThreadGroup();
        long compiling = compilingMillis() - compilingBefore;
        double transactionsPerCommand = (transactions(database) - transactionsBefore) / (double) mix.count();
        DatabaseWatch.Position afterMix = watch.publisher();
        System.out.printf("raw PostgreSQL single-row inserts: %.0f rows/s (%d connections, autocommit)%n", inserts, clients);
        System.out.printf("HTTP command mix: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, %d errors; %.0f%% of the raw insert rate%n",
                mix.perSecond(), mix.percentile(50), mix.percentile(99), mix.errors(), 100 * mix.perSecond() / inserts);
        System.out.printf("  mix: %s%n", mix.byKind());
        System.out.printf("  CPU of this JVM (service, broker, clients; not PostgreSQL) per command: %.2f ms; "
                + "JIT compiling during the mix: %d ms; load average %.1f%n", cpuPerCommand, compiling, loadAverage());
        System.out.printf("  CPU per command of the request threads: %.2f ms; of the publisher's threads: %.2f ms%n",
                (threadsAfter.getOrDefault("requests", 0L) - threadsBefore.getOrDefault("requests", 0L)) / 1e6
                        / mix.count(),
                (threadsAfter.getOrDefault("publisher", 0L) - threadsBefore.getOrDefault("publisher", 0L)) / 1e6
                        / mix.count());
        System.out.printf("  PostgreSQL transactions per command (every connection of the database, publisher "
                + "included): %.2f%n", transactionsPerCommand);
        System.out.printf("  CPU per command of PostgreSQL (postmaster and backends): %.2f ms%n", pgCpuPerCommand);
        System.out.printf("  JVM CPU per command by thread (ms): %s%n", threadsInMix);
        System.out.printf("  PostgreSQL during the mix: %s%n", waitsInMix);
        System.out.printf("publisher after the mix: store head %d, token at %d with %d gaps: %d events behind%n",
                afterMix.head(), afterMix.index(), afterMix.gaps().size(), afterMix.backlog());
        System.out.printf("  the event store's reader at that token (EXPLAIN ANALYZE):%n%s",
                watch.explainReader(afterMix.index(), afterMix.gaps()));
        watch.close();
    }

    /**
     * The publisher's lag in two paced phases, each starting with the publisher caught up: contacts over HTTP at
     * {@code httpRate}, then contacts through the command gateway in-process at {@code appendRate}.
     */
    private void publisherLag(String database, int httpRate, int appendRate, int seconds, int appendWarmUpSeconds,
            InProcessCommands inProcess) throws Exception {
        DatabaseWatch watch = new DatabaseWatch(RealPostgres.jdbcUrl(database), RealPostgres.username(),
                RealPostgres.password());
        List<String> journeys = new ArrayList<>();
        Mix opening = new Mix();
        for (int i = 0; i < 50; i++) {
            journeys.add(openJourney(opening));
        }
        // each phase measures the publisher at a steady rate, not the draining of a backlog left before it
        long drained = watch.awaitPublisherCaughtUp(TimeUnit.MINUTES.toMillis(2));
        System.out.printf("publisher caught up with the store %d ms before the paced phases (%d events behind)%n",
                drained, watch.publisher().backlog());
        DatabaseWatch.Sampler httpWaits = watch.sampleWaits(50);
        paced("contacts over HTTP (request, security, unit of work; the service's whole path)", httpRate, seconds,
                (mix, offered) -> command(mix, "contact", "/journeys/" + pick(journeys) + "/contacts",
                        "{\"kind\": \"call\", \"minutes\": 15}", offered));
        System.out.printf("  PostgreSQL during the phase: %s; load average %.1f%n", httpWaits.finish(), loadAverage());
        drained = watch.awaitPublisherCaughtUp(TimeUnit.MINUTES.toMillis(2));
        System.out.printf("publisher caught up %d ms after the HTTP phase%n", drained);
        PacedSender appending = (mix, offered) -> {
            boolean recorded = inProcess.recordContact(pick(journeys));
            mix.record("contact", System.nanoTime() - offered, recorded);
        };
        if (appendWarmUpSeconds > 0) {
            // the in-process path at 500/s runs code the HTTP phase ran at 200/s: the JIT compiles it again, hotter,
            // for some 10-20 s (the compiler took a third of a core through the first measured windows). A service
            // runs for days; the aim is its steady state, so this warm-up is printed and not counted
            paced("WARM-UP, not counted: events appended in-process", appendRate, appendWarmUpSeconds, appending);
            drained = watch.awaitPublisherCaughtUp(TimeUnit.MINUTES.toMillis(2));
            System.out.printf("publisher caught up %d ms after the in-process warm-up%n", drained);
        }
        DatabaseWatch.Sampler appendWaits = watch.sampleWaits(50);
        paced("events appended in-process (command gateway, no HTTP: the same command, aggregate and event)",
                appendRate, seconds, appending);
        System.out.printf("  PostgreSQL during the phase: %s; load average %.1f%n", appendWaits.finish(),
                loadAverage());
        watch.close();
    }

    private void warmUp(int clients, int seconds) throws Exception {
        ThreadCpu threads = ThreadCpu.start();
        Mix warmUp = commandMix(clients, seconds);
        System.out.printf("warm-up mix (not counted): %.0f commands/s, p50 %.1f ms over %d s; JVM CPU per command by "
                + "thread (ms): %s%n", warmUp.perSecond(), warmUp.percentile(50), seconds,
                threads.perCommand(warmUp.count()));
    }

    /** Single-row inserts with autocommit, one connection per client, for the same time as the command mix. */
    private static double rawInsertRate(String database, int clients, int seconds) throws Exception {
        String url = RealPostgres.jdbcUrl(database);
        try (Connection connection = DriverManager.getConnection(url, RealPostgres.username(), RealPostgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_insert (id bigserial primary key, journey_id text, "
                    + "payload text, at timestamptz default now())");
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, RealPostgres.username(),
                        RealPostgres.password());
                     PreparedStatement insert = connection.prepareStatement(
                             "insert into bench_insert (journey_id, payload) values (?, ?)")) {
                    while (System.nanoTime() < end) {
                        insert.setString(1, "j-" + ThreadLocalRandom.current().nextInt(1000));
                        insert.setString(2, "{\"kind\":\"visit\",\"minutes\":30}");
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : running) {
            each.get();
        }
        pool.shutdown();
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** N clients, each with journeys of its own, issuing a worker's day of commands as fast as answered. */
    private Mix commandMix(int clients, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Mix>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                Mix mine = new Mix();
                List<String> journeys = new ArrayList<>();
                journeys.add(openJourney(mine));
                while (System.nanoTime() < end) {
                    String journey = journeys.get(ThreadLocalRandom.current().nextInt(journeys.size()));
                    int dice = ThreadLocalRandom.current().nextInt(100);
                    if (dice < 10) {
                        journeys.add(openJourney(mine));
                    } else if (dice < 30) {
                        command(mine, "barrier", "/journeys/" + journey + "/barriers", """
                                {"theme": "%s", "systemActor": "%s", "level": 2, "note": "Waited six weeks for a call back."}"""
                                .formatted(pick(THEMES), pick(ACTORS)));
                    } else if (dice < 60) {
                        command(mine, "contact", "/journeys/" + journey + "/contacts", """
                                {"kind": "%s", "minutes": %d, "spendPence": %d, "spentOn": "bus fare"}"""
                                .formatted(pick(KINDS), 10 + ThreadLocalRandom.current().nextInt(80),
                                        ThreadLocalRandom.current().nextInt(3) * 250));
                    } else if (dice < 80) {
                        command(mine, "soft-measure", "/journeys/" + journey + "/soft-measures", """
                                {"dimension": "%s", "score": %d}"""
                                .formatted(pick(DIMENSIONS), 1 + ThreadLocalRandom.current().nextInt(10)));
                    } else {
                        command(mine, "conversation", "/journeys/" + journey + "/conversations", """
                                {"note": "Talked about the letter from the council and what to say at the hearing."}""");
                    }
                }
                return mine;
            }));
        }
        Mix all = new Mix();
        for (Future<Mix> each : running) {
            all.add(each.get());
        }
        all.seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return all;
    }

    /** Contacts paced at {@code rate} per second by {@code sender}, then each published record's lag. */
    private void paced(String what, int rate, int seconds, PacedSender sender) throws Exception {
        Instant from = Instant.now();
        long cpuBefore = processCpuNanos();
        long pgCpuBefore = DatabaseWatch.serverCpuNanos(RealPostgres.port());
        ThreadCpu threads = ThreadCpu.start();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        ExecutorService senders = Executors.newFixedThreadPool(64);
        Mix paced = new Mix();
        long pacedFrom = System.nanoTime();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        // each command is timed from when the pacer offered it, so time spent waiting for a free sender (when the
        // service answers slower than the rate) counts in its latency instead of being left out
        pacer.scheduleAtFixedRate(() -> {
            long offered = System.nanoTime();
            senders.submit(() -> sender.send(paced, offered));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        pacer.shutdownNow();
        Instant until = Instant.now();
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        Thread.sleep(2000);
        // the publisher's work is in these figures too: it has had 2 s to finish what the paced commands stored
        double cpuPerCommand = (processCpuNanos() - cpuBefore) / 1e6 / paced.count();
        double pgCpuPerCommand = (DatabaseWatch.serverCpuNanos(RealPostgres.port()) - pgCpuBefore) / 1e6
                / paced.count();
        List<Long> lags = new ArrayList<>();
        // the lags by the 5 s window their event was stored in: a tail spread over the phase is the steady state, a
        // tail in one window is a stall (a JIT burst, a checkpoint) worth naming
        Map<Long, List<Long>> byWindow = new java.util.TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : RealKafka.readAll(TOPIC, Duration.ofSeconds(60))) {
            Header time = record.headers().lastHeader("ce_time");
            Header type = record.headers().lastHeader("ce_type");
            if (time == null || type == null || !new String(type.value()).contains("ContactRecorded")) {
                continue;
            }
            Instant stored = OffsetDateTime.parse(new String(time.value())).toInstant();
            if (!stored.isBefore(from) && stored.isBefore(until)) {
                long lag = record.timestamp() - stored.toEpochMilli();
                lags.add(lag);
                byWindow.computeIfAbsent((stored.toEpochMilli() - from.toEpochMilli()) / 5000, window -> new ArrayList<>())
                        .add(lag);
            }
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder windows = new StringBuilder();
        byWindow.forEach((window, inWindow) -> {
            long[] each = inWindow.stream().mapToLong(Long::longValue).sorted().toArray();
            windows.append(String.format("%s%d-%d s: p50 %d, p99 %d, max %d", windows.length() == 0 ? "" : "; ",
                    window * 5, window * 5 + 5, at(each, 50), at(each, 99), each[each.length - 1]));
        });
        // answered per second until the last answer came, not per second of the pacing window: a service that
        // falls behind answers the window's commands after it ends
        double answered = paced.count() / Math.max(seconds, (paced.lastAnswerNanos() - pacedFrom) / 1e9);
        System.out.printf("publisher lag, %s, offered %d/s for %d s: %d events published, %.0f/s answered "
                        + "(p50 %.1f ms, p99 %.1f ms, %d errors); lag p50 %d ms, p99 %d ms, max %d ms%n",
                what, rate, seconds, sorted.length, answered, paced.percentile(50),
                paced.percentile(99), paced.errors(), at(sorted, 50), at(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        System.out.printf("  lag by the 5 s window the event was stored in (ms): %s%n", windows);
        System.out.printf("  CPU per paced command (publishing included): this JVM %.2f ms, PostgreSQL %.2f ms%n",
                cpuPerCommand, pgCpuPerCommand);
        System.out.printf("  JVM CPU per paced command by thread (ms): %s%n", threads.perCommand(paced.count()));
    }

    private String openJourney(Mix mix) {
        String name = "Bench Person " + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        HttpResponse<String> opened = command(mix, "open-journey", "/journeys", """
                {"person": {"fullName": "%s", "dateOfBirth": "1980-01-01"}, "consents": ["share-learning"],
                 "door": "drop-in"}""".formatted(name));
        try {
            return JSON.readTree(opened.body()).get("journeyId").asText();
        } catch (Exception e) {
            throw new IllegalStateException("journey not opened: " + opened.statusCode() + " " + opened.body(), e);
        }
    }

    private HttpResponse<String> command(Mix mix, String kind, String path, String body) {
        return command(mix, kind, path, body, System.nanoTime());
    }

    private HttpResponse<String> command(Mix mix, String kind, String path, String body, long started) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", TestIdentity.bearer(token)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            mix.record(kind, System.nanoTime() - started, response.statusCode() / 100 == 2);
            return response;
        } catch (Exception e) {
            mix.record(kind, System.nanoTime() - started, false);
            throw new IllegalStateException(e);
        }
    }

    /** The topic as the kit makes it, but with the broker's append time as each record's timestamp. */
    static void createLearningTopicWithAppendTime(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic(topic, RealKafka.PARTITIONS, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        }
    }

    /** Transactions committed or rolled back in {@code database} so far, as PostgreSQL's statistics count them. */
    private static long transactions(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(RealPostgres.jdbcUrl(database),
                RealPostgres.username(), RealPostgres.password());
             Statement statement = connection.createStatement()) {
            // the statistics are flushed by each backend at most once a second, and read once per transaction
            Thread.sleep(1500);
            statement.execute("select pg_stat_clear_snapshot()");
            try (java.sql.ResultSet row = statement.executeQuery("select xact_commit + xact_rollback "
                    + "from pg_stat_database where datname = current_database()")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * CPU time so far of Tomcat's request threads and of the publisher's threads (its processor and Kafka producer):
     * the request path's own cost, apart from the JIT, the broker, the clients and the garbage collector.
     */
    private static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            String name = thread.getThreadName();
            String group = name.startsWith("http-nio-") ? "requests"
                    : name.contains("[publisher]") || name.contains("publisher") ? "publisher" : null;
            long nanos = threads.getThreadCpuTime(thread.getThreadId());
            if (group != null && nanos > 0) {
                cpu.merge(group, nanos, Long::sum);
            }
        }
        return cpu;
    }

    private static long compilingMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static String[] serviceArgs(String[] defaults, String[] extra) {
        return java.util.stream.Stream.concat(Arrays.stream(defaults), Arrays.stream(extra))
                .filter(arg -> !arg.isEmpty()).toArray(String[]::new);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    private static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /** Sends one paced command, recording it in {@code mix} timed from {@code offered}. */
    @FunctionalInterface
    private interface PacedSender {
        void send(Mix mix, long offered);
    }

    static long at(long[] sorted, int percentile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    /** Latencies and counts of one client's (or all clients') commands. */
    private static final class Mix {
        private long[] nanos = new long[1024];
        private String[] kinds = new String[1024];
        private int size;
        private long errors;
        private final Map<String, Long> counts = new java.util.TreeMap<>();
        private double seconds;

        private long lastAnswerNanos;

        synchronized long lastAnswerNanos() {
            return lastAnswerNanos;
        }

        synchronized void record(String kind, long took, boolean ok) {
            lastAnswerNanos = Math.max(lastAnswerNanos, System.nanoTime());
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
            }
            kinds[size] = kind;
            nanos[size++] = took;
            counts.merge(kind, 1L, Long::sum);
            if (!ok) {
                errors++;
            }
        }

        synchronized void add(Mix other) {
            for (int i = 0; i < other.size; i++) {
                record(other.kinds[i], other.nanos[i], true);
            }
            errors += other.errors;
        }

        synchronized long count() {
            return size;
        }

        synchronized long errors() {
            return errors;
        }

        double perSecond() {
            return count() / seconds;
        }

        synchronized double percentile(int percentile) {
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return at(sorted, percentile) / 1e6;
        }

        /** Each kind of command with its count, p50 and p99 in ms. */
        synchronized String byKind() {
            StringBuilder shown = new StringBuilder();
            for (String kind : counts.keySet()) {
                long[] sorted = java.util.stream.IntStream.range(0, size).filter(i -> kind.equals(kinds[i]))
                        .mapToLong(i -> nanos[i]).sorted().toArray();
                shown.append(String.format("%s %d (p50 %.1f ms, p99 %.1f ms)  ", kind, sorted.length,
                        at(sorted, 50) / 1e6, at(sorted, 99) / 1e6));
            }
            return shown.toString().trim();
        }
    }
}
