package org.bothy.place.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.place.HandWiredPlace;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.cost.CostFigures;
import org.bothy.place.query.ViewFilters;
import org.bothy.place.reach.ReachCounts;
import org.bothy.place.rebuild.RebuildProgress;
import org.bothy.place.rebuild.ShadowSchema;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.RealPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A harness, not a test: publishes N synthetic learning events (default 1,000,000; a mix of barriers, contacts,
 * journeys and soft measures from 50,000 people at 4 organisations) to a real topic on the test kit's in-process Kafka
 * broker (not timed), then times the place's real rebuild from the topic to the swap on a real PostgreSQL, beside a
 * raw JDBC batch insert of the same number of rows in the same run, then times the views' queries. Prints the
 * figures and where the rebuild's time went; asserts nothing. Run as docs/performance.md says.
 */
public final class PlaceReplayBenchmark {

    private static final String TOPIC = "bothy.learning.bench";
    private static final String[] ORGANISATIONS = {"fresh-start", "move-on", "north-edinburgh-arts", "spartans"};
    private static final String[] THEMES = {"housing", "debt", "welfare-benefits", "mental-health", "employment", "family"};
    private static final String[] ACTORS = {"council-housing", "council-revenues", "universal-credit", "gp", "jobcentre", "social-work"};
    private static final String[] KINDS = {"visit", "call", "message", "meeting"};
    private static final int BATCH = 5000;
    private static final int PEOPLE = 50_000;

    private PlaceReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        // The in-process broker and the clients log at length; the rebuild's own progress is what is worth reading.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("org.bothy")).setLevel(Level.INFO);
        DataSource dataSource = placeDataSource();
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        System.out.println("PostgreSQL: " + jdbc.queryForObject("select 'shared_buffers ' || current_setting('shared_buffers')"
                + " || ', work_mem ' || current_setting('work_mem') || ', maintenance_work_mem '"
                + " || current_setting('maintenance_work_mem')", String.class));

        double raw = rawInsertRate(jdbc, transaction, events);
        System.out.printf("raw JDBC batch insert: %,d rows at %,.0f rows/s%n", events, raw);

        long publishStart = System.nanoTime();
        publish(events);
        System.out.printf("published %,d records to %s in %.1f s (not part of any figure)%n", events, TOPIC,
                (System.nanoTime() - publishStart) / 1e9);

        HandWiredPlace place = new HandWiredPlace(dataSource);
        if (Boolean.getBoolean("bench.incremental")) {
            incrementalRebuild(place, events, raw);
        }
        place.rebuild.start();
        RebuildProgress progress = place.rebuild.progress();
        while (progress.running()) {
            Thread.sleep(200);
            progress = place.rebuild.progress();
        }
        place.intake.stop();
        if (progress.state() != RebuildProgress.State.DONE) {
            System.out.println("rebuild failed: " + progress.failure());
            System.exit(1);
        }
        double seconds = Duration.between(progress.startedAt(), progress.finishedAt()).toNanos() / 1e9;
        double rebuilt = progress.eventsDone() / seconds;
        System.out.printf("rebuilt from the topic to the swap: %,d events in %.1f s at %,.0f events/s (%.0f%% of raw)%n",
                progress.eventsDone(), seconds, rebuilt, 100 * rebuilt / raw);
        place.rebuild.lastSteps().forEach((step, millis) -> System.out.printf("  %-48s %7.1f s (%4.1f%%)%n", step,
                millis / 1e3, 100 * millis / 1e3 / seconds));
        System.out.printf("rows: %s%n", jdbc.queryForObject("""
                select format('barrier_observation %s, contact %s, person_month %s, barrier_person %s, applied_event %s',
                    (select count(*) from barrier_observation), (select count(*) from contact),
                    (select count(*) from person_month), (select count(*) from barrier_person),
                    (select count(*) from applied_event))
                """, String.class));

        JdbcClient client = JdbcClient.create(dataSource);
        BarrierCounts barriers = new BarrierCounts(client);
        ReachCounts reach = new ReachCounts(client);
        CostFigures cost = new CostFigures(client);
        ViewFilters housing = new ViewFilters(null, null, null, "housing", null);
        ViewFilters spring = new ViewFilters(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-05-31"), "move-on", null, null);
        // As autovacuum does on a live service soon after a burst of inserts: statistics, and the visibility map that
        // lets the views read their rows from an index alone (the rebuild vacuums what it loaded in bulk already).
        jdbc.execute("vacuum analyze");
        timeQuery("GET /barriers", () -> barriers.byPattern(ViewFilters.NONE));
        timeQuery("GET /barriers?theme=housing", () -> barriers.byPattern(housing));
        timeQuery("GET /barriers?organisation", () -> barriers.byPattern(new ViewFilters(null, null, "move-on", null, null)));
        timeQuery("GET /barriers?from&to (one whole month)", () -> barriers.byPattern(
                new ViewFilters(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), null, null, null)));
        timeQuery("GET /barriers?from&to (days within a month)", () -> barriers.byPattern(
                new ViewFilters(LocalDate.parse("2025-01-10"), LocalDate.parse("2025-01-20"), null, null, null)));
        timeQuery("GET /barriers?from&to (three whole months)", () -> barriers.byPattern(
                new ViewFilters(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-05-31"), null, null, null)));
        timeQuery("GET /barriers?from&to (three months, mid-month edges)", () -> barriers.byPattern(
                new ViewFilters(LocalDate.parse("2025-02-15"), LocalDate.parse("2025-05-14"), null, null, null)));
        timeQuery("GET /barriers/monthly?from&to&organisation", () -> barriers.byMonth(spring));
        timeQuery("GET /barriers/monthly?from&to&organisation (mid-month edges)", () -> barriers.byMonth(
                new ViewFilters(LocalDate.parse("2025-02-15"), LocalDate.parse("2025-05-14"), "move-on", null, null)));
        timeQuery("GET /barriers/monthly?from&to (mid-month edges)", () -> barriers.byMonth(
                new ViewFilters(LocalDate.parse("2025-02-15"), LocalDate.parse("2025-05-14"), null, null, null)));
        timeQuery("GET /reach", () -> reach.byMonth(ViewFilters.NONE));
        timeQuery("GET /reach/revolving-door", () -> reach.revolvingDoor(ViewFilters.NONE));
        timeQuery("GET /cost?organisation", () -> cost.costOfSupport(spring));
        hold();
        // The in-process broker's threads would keep the JVM alive.
        System.exit(0);
    }

    /** With -Dbench.hold-seconds=N, keeps the replayed database up for N seconds, to be explored with psql. */
    private static void hold() {
        long seconds = Long.getLong("bench.hold-seconds", 0);
        if (seconds <= 0) {
            return;
        }
        System.out.printf("holding the database for %d s: psql -h localhost -p %d -U %s place_bench%n", seconds,
                RealPostgres.port(), RealPostgres.username());
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The synthetic events, as a partner publishes them: binary CloudEvents keyed by pseudonym, acks=all. */
    private static void publish(int events) throws Exception {
        RealKafka.createTopics(TOPIC);
        Map<String, Object> settings = new HashMap<>(RealKafka.producerProperties());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        ContractCodec codec = ContractCodec.standard();
        Random random = new Random(42);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            for (int done = 0; done < events; done += BATCH) {
                List<ContractEvent> batch = new ArrayList<>(BATCH);
                for (int i = done; i < Math.min(events, done + BATCH); i++) {
                    batch.add(event(random, start.plus(i / 3, ChronoUnit.MINUTES)));
                }
                // Encoding (schema check included) on every core; sent in the order made.
                batch.parallelStream().map(event -> codec.toRecord(TOPIC, "/bothy/partner/bench", event)).toList()
                        .forEach(producer::send);
            }
            producer.flush();
        }
    }

    /**
     * For comparison, the way a rebuild read the topic before the bulk load: every poll through the intake's batch into
     * a shadow with every index in place (no catch-up, no swap; the shadow is dropped after).
     */
    private static void incrementalRebuild(HandWiredPlace place, int events, double raw) {
        place.shadow.create();
        Map<String, Object> settings = new HashMap<>(RealKafka.consumerProperties());
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        long started = System.nanoTime();
        long done = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (done < events) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    place.batch.applyInto(ShadowSchema.SCHEMA, records);
                    done += records.count();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        place.shadow.drop();
        System.out.printf("incremental rebuild (the intake's batch into an indexed shadow, before the bulk load): "
                + "%,d events in %.1f s at %,.0f events/s (%.0f%% of raw)%n", done, seconds, done / seconds,
                100 * done / seconds / raw);
    }

    /** As the service connects (application.yml): pooled, batches sent as multi-row inserts, work_mem as set there. */
    private static DataSource placeDataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(RealPostgres.jdbcUrl("place_bench"));
        config.setUsername(RealPostgres.username());
        config.setPassword(RealPostgres.password());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("options", "-c work_mem=16MB");
        config.setMaximumPoolSize(4);
        String explainMillis = System.getProperty("bench.explain-ms");
        if (explainMillis != null) {
            // The database's side of the profile: plans of slow statements, with timings, in the server's log.
            config.setConnectionInitSql("load 'auto_explain'; set auto_explain.log_min_duration = "
                    + Integer.parseInt(explainMillis) + "; set auto_explain.log_analyze = on; set auto_explain.log_buffers = on");
        }
        return new HikariDataSource(config);
    }

    private static double rawInsertRate(JdbcTemplate jdbc, TransactionTemplate transaction, int rows) {
        jdbc.execute("create table raw_bench (like barrier_observation including defaults)");
        Random random = new Random(7);
        long nanos = 0;
        for (int done = 0; done < rows; done += BATCH) {
            int size = Math.min(BATCH, rows - done);
            List<Object[]> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(new Object[] {UUID.randomUUID().toString(), pseudonym(random.nextInt(PEOPLE)),
                        ORGANISATIONS[random.nextInt(4)], "j", "b", THEMES[random.nextInt(THEMES.length)],
                        ACTORS[random.nextInt(ACTORS.length)], 2, OffsetDateTime.now(ZoneOffset.UTC), LocalDate.now()});
            }
            long before = System.nanoTime();
            transaction.executeWithoutResult(status -> jdbc.batchUpdate("""
                    insert into raw_bench (event_id, pseudonym, organisation, journey_id, barrier_id, theme, system_actor,
                                           level, observed_at, observed_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, batch));
            nanos += System.nanoTime() - before;
        }
        jdbc.execute("drop table raw_bench");
        return rows / (nanos / 1e9);
    }

    private static ContractEvent event(Random random, Instant at) {
        String organisation = ORGANISATIONS[random.nextInt(4)];
        String person = pseudonym(random.nextInt(PEOPLE));
        String journey = "j-" + person.substring(0, 12) + "-" + organisation;
        int kind = random.nextInt(10);
        if (kind < 5) {
            int pattern = random.nextInt(THEMES.length);
            return new BarrierObserved(UUID.randomUUID().toString(), at, organisation, person, journey,
                    "b-" + UUID.randomUUID(), THEMES[pattern], ACTORS[(pattern + random.nextInt(2)) % ACTORS.length], 2);
        }
        if (kind < 8) {
            return new ContactRecorded(UUID.randomUUID().toString(), at, organisation, person, journey,
                    "c-" + UUID.randomUUID(), KINDS[random.nextInt(4)], 5 + random.nextInt(90), random.nextInt(4) == 0 ? 500 + random.nextInt(5000) : 0);
        }
        if (kind < 9) {
            return new JourneyOpened(UUID.randomUUID().toString(), at, organisation, person, journey, "drop-in");
        }
        return new SoftMeasureScored(UUID.randomUUID().toString(), at, organisation, person, journey, "confidence",
                1 + random.nextInt(10));
    }

    private static String pseudonym(int person) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 7);
        bytes[0] = (byte) (person >> 16);
        bytes[1] = (byte) (person >> 8);
        bytes[2] = (byte) person;
        return HexFormat.of().formatHex(bytes);
    }

    private static void timeQuery(String name, Supplier<?> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        int runs = 50;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long before = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - before;
        }
        Arrays.sort(nanos);
        System.out.printf("query %-62s p50 %6.1f ms  p99 %6.1f ms%n", name, nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6);
    }
}
