package org.bothy.place.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.place.barriers.BarrierCounts;
import org.bothy.place.barriers.BarrierMonthTally;
import org.bothy.place.barriers.BarrierProjection;
import org.bothy.place.barriers.BarrierTally;
import org.bothy.place.cost.ContactProjection;
import org.bothy.place.cost.CostFigures;
import org.bothy.place.erasure.SharingEnded;
import org.bothy.place.intake.AppliedEvents;
import org.bothy.place.intake.ConsumerOffsets;
import org.bothy.place.intake.ContractCheck;
import org.bothy.place.intake.DeadLetters;
import org.bothy.place.intake.Delivery;
import org.bothy.place.intake.IntakeBatch;
import org.bothy.place.intake.LearningProjection;
import org.bothy.place.issues.IssueProjection;
import org.bothy.place.learning.ExperimentLearningProjection;
import org.bothy.place.learning.LearningCycleProjection;
import org.bothy.place.lm3.Lm3Projection;
import org.bothy.place.query.ViewFilters;
import org.bothy.place.reach.JourneyProjection;
import org.bothy.place.reach.PersonSeenProjection;
import org.bothy.place.reach.ReachCounts;
import org.bothy.place.reach.ReachTally;
import org.bothy.place.signals.SignalMarker;
import org.bothy.place.signals.SignalProperties;
import org.bothy.place.signals.SignalPublisher;
import org.bothy.place.softmeasures.SoftMeasureProjection;
import org.bothy.testsupport.RealPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A harness, not a test: replays N synthetic learning events (default 1,000,000; a mix of barriers, contacts,
 * journeys and soft measures from 50,000 people at 4 organisations) through the place's real intake batch and
 * projections on a real PostgreSQL, beside a raw JDBC batch insert of the same number of rows in the same run, then
 * times the views' queries. Prints the figures; asserts nothing. Run as docs/performance.md says.
 */
public final class PlaceReplayBenchmark {

    private static final String[] ORGANISATIONS = {"fresh-start", "move-on", "north-edinburgh-arts", "spartans"};
    private static final String[] THEMES = {"housing", "debt", "welfare-benefits", "mental-health", "employment", "family"};
    private static final String[] ACTORS = {"council-housing", "council-revenues", "universal-credit", "gp", "jobcentre", "social-work"};
    private static final String[] KINDS = {"visit", "call", "message", "meeting"};
    private static final int BATCH = 5000;
    private static final int PEOPLE = 50_000;

    private PlaceReplayBenchmark() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        DataSource dataSource = placeDataSource();
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));

        double raw = rawInsertRate(jdbc, transaction, events);
        System.out.printf("raw JDBC batch insert: %,d rows at %,.0f rows/s%n", events, raw);

        IntakeBatch batch = intake(jdbc, transaction);
        ContractCodec codec = ContractCodec.standard();
        Random random = new Random(42);
        long applyNanos = 0;
        long decodeNanos = 0;
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int done = 0; done < events; done += BATCH) {
            int size = Math.min(BATCH, events - done);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                ContractEvent event = event(random, start.plus((done + i) / 3, ChronoUnit.MINUTES));
                ProducerRecord<String, byte[]> sent = codec.toRecord("bothy.learning.bench", "/bothy/partner/bench", event);
                records.add(new ConsumerRecord<>("bothy.learning.bench", 0, done + i, 0L, TimestampType.CREATE_TIME, -1, -1,
                        sent.key(), sent.value(), sent.headers(), Optional.empty()));
            }
            ConsumerRecords<String, byte[]> poll = new ConsumerRecords<>(
                    Map.of(new TopicPartition("bothy.learning.bench", 0), records), Map.of());
            long decodeStart = System.nanoTime();
            records.forEach(codec::fromRecord);
            decodeNanos += System.nanoTime() - decodeStart;
            long before = System.nanoTime();
            batch.apply(poll);
            applyNanos += System.nanoTime() - before;
        }
        long applyTotal = applyNanos;
        double applied = events / (applyNanos / 1e9);
        System.out.printf("projected: %,d events at %,.0f events/s (%.0f%% of raw)%n", events, applied, 100 * applied / raw);
        STEPS.forEach((step, nanos) -> System.out.printf("  of which %-34s %6.1f s (%4.1f%%)%n", step, nanos / 1e9,
                100.0 * nanos / applyTotal));
        long stepped = STEPS.entrySet().stream().filter(step -> !step.getKey().startsWith(" "))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("  of which %-34s %6.1f s (%4.1f%%)%n", "the rest (decode, schema, commit)",
                (applyNanos - stepped) / 1e9, 100.0 * (applyNanos - stepped) / applyNanos);
        System.out.printf("decoding alone (CloudEvent, JSON, schema; timed apart, one thread): %,.0f records/s%n",
                events / (decodeNanos / 1e9));

        JdbcClient client = JdbcClient.create(dataSource);
        BarrierCounts barriers = new BarrierCounts(client);
        ReachCounts reach = new ReachCounts(client);
        CostFigures cost = new CostFigures(client);
        ViewFilters housing = new ViewFilters(null, null, null, "housing", null);
        ViewFilters spring = new ViewFilters(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-05-31"), "move-on", null, null);
        // As autovacuum does on a live service soon after a burst of inserts: statistics, and the visibility map that
        // lets the views read their rows from an index alone.
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
        timeQuery("GET /barriers/monthly?from&to&organisation", () -> barriers.byMonth(spring));
        timeQuery("GET /barriers/monthly?from&to&organisation (mid-month edges)", () -> barriers.byMonth(
                new ViewFilters(LocalDate.parse("2025-02-15"), LocalDate.parse("2025-05-14"), "move-on", null, null)));
        timeQuery("GET /barriers/monthly?from&to (mid-month edges)", () -> barriers.byMonth(
                new ViewFilters(LocalDate.parse("2025-02-15"), LocalDate.parse("2025-05-14"), null, null, null)));
        timeQuery("GET /reach", () -> reach.byMonth(ViewFilters.NONE));
        timeQuery("GET /reach/revolving-door", () -> reach.revolvingDoor(ViewFilters.NONE));
        timeQuery("GET /cost?organisation", () -> cost.costOfSupport(spring));
        hold();
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

    /** Time spent in each step of the intake batch, to show where the replay's time goes. */
    private static final Map<String, Long> STEPS = new LinkedHashMap<>();

    private static LearningProjection timed(LearningProjection projection) {
        String name = projection.getClass().getSimpleName();
        return firstSeen -> {
            long before = System.nanoTime();
            projection.apply(firstSeen);
            STEPS.merge(name, System.nanoTime() - before, Long::sum);
        };
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

    private static IntakeBatch intake(JdbcTemplate jdbc, TransactionTemplate transaction) {
        // Never reached: every synthetic record is valid, so nothing is dead-lettered.
        DeadLetters deadLetters = new DeadLetters(new DefaultKafkaProducerFactory<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1")), new SimpleMeterRegistry());
        // Not started: it only sends signals when running, so the harness measures the marking, not Kafka.
        SignalPublisher publisher = new SignalPublisher(jdbc, null, null, null, new SignalProperties(null, 0, 0, null, 0));
        SignalMarker marker = new SignalMarker(jdbc, publisher);
        BarrierTally barrierTally = new BarrierTally(jdbc) {
            @Override
            public void observed(Collection<BarrierObserved> barriers) {
                long before = System.nanoTime();
                super.observed(barriers);
                STEPS.merge("  BarrierTally (in BarrierProjection)", System.nanoTime() - before, Long::sum);
            }
        };
        ReachTally reachTally = new ReachTally(jdbc) {
            @Override
            public void seen(Collection<PersonMonth> seen) {
                long before = System.nanoTime();
                super.seen(seen);
                STEPS.merge("  ReachTally (in PersonSeenProjection)", System.nanoTime() - before, Long::sum);
            }
        };
        BarrierMonthTally barrierMonthTally = new BarrierMonthTally(jdbc) {
            @Override
            public void observed(Collection<BarrierObserved> barriers) {
                long before = System.nanoTime();
                super.observed(barriers);
                STEPS.merge("  BarrierMonthTally (in BarrierProjection)", System.nanoTime() - before, Long::sum);
            }
        };
        List<LearningProjection> projections = List.of(new BarrierProjection(jdbc, barrierTally, barrierMonthTally),
                new JourneyProjection(jdbc),
                new PersonSeenProjection(reachTally), new ContactProjection(jdbc), new SoftMeasureProjection(jdbc),
                new ExperimentLearningProjection(jdbc), new LearningCycleProjection(jdbc), new IssueProjection(jdbc, marker),
                new Lm3Projection(jdbc), marker, new SharingEnded(jdbc, marker, barrierTally, barrierMonthTally, reachTally)).stream()
                .map(PlaceReplayBenchmark::timed).toList();
        AppliedEvents applied = new AppliedEvents(jdbc) {
            @Override
            public List<Delivery> claimFirstSeen(List<Delivery> deliveries) {
                long before = System.nanoTime();
                List<Delivery> firstSeen = super.claimFirstSeen(deliveries);
                STEPS.merge("AppliedEvents (idempotency claim)", System.nanoTime() - before, Long::sum);
                return firstSeen;
            }
        };
        ConsumerOffsets offsets = new ConsumerOffsets(jdbc) {
            @Override
            public void store(Map<TopicPartition, Long> next) {
                long before = System.nanoTime();
                super.store(next);
                STEPS.merge("ConsumerOffsets", System.nanoTime() - before, Long::sum);
            }
        };
        return new IntakeBatch(new ContractCheck(), applied, projections, deadLetters, offsets, transaction, jdbc);
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
