package org.bothy.place.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.place.barriers.BarrierMonthTally;
import org.bothy.place.barriers.BarrierProjection;
import org.bothy.place.barriers.BarrierTally;
import org.bothy.place.cost.ContactProjection;
import org.bothy.place.erasure.SharingEnded;
import org.bothy.place.intake.ConsumerOffsets;
import org.bothy.place.intake.Delivery;
import org.bothy.place.intake.EventRows;
import org.bothy.place.intake.IntakeBatch;
import org.bothy.place.intake.LearningProjection;
import org.bothy.place.intake.PartnerEvents;
import org.bothy.place.learning.ExperimentLearningProjection;
import org.bothy.place.reach.JourneyProjection;
import org.bothy.place.reach.PersonSeenProjection;
import org.bothy.place.reach.ReachTally;
import org.bothy.place.signals.SignalMarker;
import org.bothy.place.softmeasures.SoftMeasureProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Fills the shadow tables from the beginning of the topics in bulk, which a rebuild may do and the live intake may not:
 * the rows of one per learning event are appended by COPY into tables with no index yet, each event id claimed once
 * (in memory), erasures and withdrawals applied at the end by their place in the topics, the tallies counted once
 * from the rows, then the indexes built. Every other projection (issues, learning cycles, LM3, referrals, and any
 * added later) is applied as the intake applies it. The tables end up as the intake would have left them.
 */
@Component
public class BulkReplay {

    // Below this many records a poll's rows are made on one thread: the hand-off would cost more than it saves.
    private static final int PARALLEL_FROM = 256;

    /** The tables of one row per learning event, appended by the load itself. */
    static final List<EventRows<?>> EVENT_ROWS = List.of(BarrierProjection.ROWS, JourneyProjection.OPENED,
            JourneyProjection.CLOSED, ContactProjection.ROWS, SoftMeasureProjection.ROWS, ExperimentLearningProjection.ROWS);

    private static final List<String> EVENT_TABLES = EVENT_ROWS.stream().map(EventRows::table).toList();
    // The claims first: no tally reads them, so their primary key is built while the tallies read the rest.
    private static final List<String> EVENT_AND_CLAIM_TABLES = Stream.concat(Stream.of("applied_event"),
            EVENT_TABLES.stream()).toList();

    /** The tables the load fills in bulk, which get their indexes only once full. */
    public static final Set<String> BULK_TABLES = Set.copyOf(Stream.concat(
            EVENT_ROWS.stream().map(EventRows::table),
            Stream.of("applied_event", "barrier_person", "barrier_people_at", "barrier_people", "barrier_person_month",
                    "barrier_month_people_at", "barrier_month_people", "person_month", "person_door", "door_people",
                    "reach_month", "barrier_month_since_at", "barrier_month_since", "barrier_day_since_at",
                    "barrier_day_since")).toList());

    // The tallies, indexed once counted: the barriers' and the reach's, each set on a connection of its own.
    private static final List<String> BARRIER_TALLY_TABLES = BULK_TABLES.stream()
            .filter(table -> !EVENT_AND_CLAIM_TABLES.contains(table) && table.startsWith("barrier_")).sorted().toList();
    private static final List<String> REACH_TALLY_TABLES = BULK_TABLES.stream()
            .filter(table -> !EVENT_AND_CLAIM_TABLES.contains(table) && !table.startsWith("barrier_")).sorted().toList();

    // The projections whose tables the load writes itself (rows appended, tallies counted, marks and erasures at the
    // end); every other projection is applied poll by poll as the intake applies it.
    private static final Set<Class<?>> DONE_IN_BULK = Set.of(BarrierProjection.class, JourneyProjection.class,
            PersonSeenProjection.class, ContactProjection.class, SoftMeasureProjection.class,
            ExperimentLearningProjection.class, SignalMarker.class, SharingEnded.class);

    private final IntakeBatch batch;
    private final List<LearningProjection> incremental;
    private final SharingEnded sharingEnded;
    private final SignalMarker signals;
    private final BarrierTally barrierTally;
    private final BarrierMonthTally barrierMonthTally;
    private final ReachTally reachTally;
    private final ConsumerOffsets offsets;
    private final ShadowSchema shadow;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public BulkReplay(IntakeBatch batch, List<LearningProjection> projections, SharingEnded sharingEnded,
                      SignalMarker signals, BarrierTally barrierTally, BarrierMonthTally barrierMonthTally,
                      ReachTally reachTally, ConsumerOffsets offsets,
                      ShadowSchema shadow, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.batch = batch;
        this.incremental = projections.stream()
                .filter(projection -> !DONE_IN_BULK.contains(ClassUtils.getUserClass(projection)))
                .toList();
        this.sharingEnded = sharingEnded;
        this.signals = signals;
        this.barrierTally = barrierTally;
        this.barrierMonthTally = barrierMonthTally;
        this.reachTally = reachTally;
        this.offsets = offsets;
        this.shadow = shadow;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A load into the shadow schema, made by {@link ShadowSchema#create(Set)} with {@link #BULK_TABLES} unindexed. */
    public Load begin() {
        return new Load();
    }

    /**
     * One bulk load: polls applied in the order read, then {@link #finish()}, then closed. Each poll is decoded and its
     * rows' text made on the caller's thread (and every core) while the load's own writer thread claims, stages and
     * applies the poll before, so the database, the claims and the decoding work at the same time. Not for use by two
     * callers.
     */
    public final class Load implements AutoCloseable {

        // Used by the writer thread alone, one poll after another; finish() reads them once the writer is done.
        private final FirstClaims claims = new FirstClaims();
        private final SharingEndedByPosition ended = new SharingEndedByPosition();
        private final Set<SignalMarker.Pattern> patterns = new LinkedHashSet<>();
        private final Map<String, Long> nanos = Collections.synchronizedMap(new LinkedHashMap<>());
        private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuild-writer");
            thread.setDaemon(true);
            return thread;
        });
        private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);

        private Load() {
        }

        /**
         * Decodes one poll and makes its rows' text, then hands them to the writer, which claims each event id, stages
         * the first-seen events' rows and applies them to the shadow tables in one transaction with the partitions' next
         * offsets, once the poll before has committed. A failure there is thrown by the next call, or by {@link #finish()}.
         */
        public void apply(ConsumerRecords<String, byte[]> records) {
            long started = System.nanoTime();
            IntakeBatch.Decoded decoded = batch.decode(records);
            List<Delivery> valid = decoded.valid();
            // The text of each event's rows, made on every core: a row's text depends on its event alone.
            Row[] made = new Row[valid.size()];
            IntStream range = IntStream.range(0, made.length);
            (made.length >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> made[i] = Row.of(valid.get(i)));
            long decodedAt = System.nanoTime();
            awaitWriter();
            long waited = System.nanoTime();
            time("decode, check, make rows", decodedAt - started);
            time("wait for the writer", waited - decodedAt);
            // Claiming is in the order read, one poll after another: the writer's work, off the decoding's path.
            writing = CompletableFuture.runAsync(() -> write(stage(valid, made, decoded.nextOffsets())), writer);
        }

        private Staged stage(List<Delivery> valid, Row[] made, Map<org.apache.kafka.common.TopicPartition, Long> nextOffsets) {
            long started = System.nanoTime();
            Staged staged = new Staged(nextOffsets);
            for (int i = 0; i < made.length; i++) {
                ContractEvent event = valid.get(i).event();
                if (claims.claim(event.eventId())) {
                    staged.firstSeen.add(event);
                    stage(event, made[i], staged);
                }
            }
            time("  writer: claim and stage rows", System.nanoTime() - started);
            return staged;
        }

        private void write(Staged staged) {
            long started = System.nanoTime();
            long[] copied = new long[1];
            transaction.executeWithoutResult(status -> {
                intoShadow(false);
                jdbc.execute((Connection connection) -> {
                    staged.applied.sendTo(connection);
                    for (CopyRows kept : staged.rows) {
                        kept.sendTo(connection);
                    }
                    return null;
                });
                copied[0] = System.nanoTime();
                for (List<ContractEvent> segment : IntakeBatch.segments(staged.firstSeen)) {
                    incremental.forEach(projection -> projection.apply(segment));
                    if (PartnerEvents.endsSharing(segment.get(segment.size() - 1))) {
                        // Referrals live in small indexed tables: forgotten at the erasure's place, as the intake does.
                        LearningEvent last = (LearningEvent) segment.get(segment.size() - 1);
                        sharingEnded.forgetReferrals(last.organisation(), last.pseudonym());
                    }
                }
                offsets.store(staged.nextOffsets);
            });
            time("  writer: append rows (COPY)", copied[0] - started);
            time("  writer: other projections, offsets, commit", System.nanoTime() - copied[0]);
        }

        private void awaitWriter() {
            try {
                writing.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failed;
            }
        }

        private void stage(ContractEvent event, Row row, Staged staged) {
            staged.applied.line(row.claim());
            if (PartnerEvents.endsSharing(event)) {
                LearningEvent end = (LearningEvent) event;
                ended.ended(end.organisation(), end.pseudonym());
                return;
            }
            if (row.kind() >= 0) {
                staged.rows[row.kind()].line(row.line());
                LearningEvent learning = (LearningEvent) event;
                ended.row(learning.organisation(), learning.pseudonym(), event.eventId());
                if (event instanceof BarrierObserved barrier) {
                    patterns.add(new SignalMarker.Pattern(barrier.theme(), barrier.systemActor()));
                }
            }
        }

        /** Stops the writer; a load not finished leaves its shadow to be dropped. */
        @Override
        public void close() {
            writer.shutdownNow();
        }

        /**
         * Once every poll is applied: the erasures and withdrawals by position, the tallies counted from the rows, the
         * evidence signals of every pattern marked, then the indexes and statistics of the bulk tables.
         */
        public void finish() {
            awaitWriter();
            long started = System.nanoTime();
            transaction.executeWithoutResult(status -> {
                intoShadow(true);
                ended.apply(jdbc, EVENT_TABLES);
                // Every pattern a first-seen barrier named, as the intake marks them: the signals go after the swap.
                signals.mark(patterns);
            });
            long erased = System.nanoTime();
            // Once the erasures are applied these four only read the event tables (an index build lets them be
            // read): each on a connection of its own, so that the database works on every core rather than on one.
            ExecutorService finishers = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "projection-rebuild-finisher");
                thread.setDaemon(true);
                return thread;
            });
            long counted;
            try {
                allOf(finishers,
                        // The barrier tallies were the longest of these: the people's and the months' (with the days
                        // and ranges) are counted apart, as neither reads the other's tables.
                        timed("  side by side: barrier tallies", () -> transaction.executeWithoutResult(status -> {
                            intoShadow(true);
                            barrierTally.countAll();
                        })),
                        timed("  side by side: barrier month and day tallies", () -> transaction.executeWithoutResult(status -> {
                            intoShadow(true);
                            barrierMonthTally.countAll();
                        })),
                        timed("  side by side: reach tallies", () -> transaction.executeWithoutResult(status -> {
                            intoShadow(true);
                            reachTally.countAll(EVENT_ROWS);
                        })),
                        timed("  side by side: event tables' indexes", () -> shadow.createIndexes(EVENT_AND_CLAIM_TABLES)));
                counted = System.nanoTime();
                // The tallies' indexes and vacuums, the barriers' on one connection and the reach's on another: one
                // connection alone kept one core of two busy.
                allOf(finishers,
                        timed("  side by side: barrier tallies' indexes", () -> shadow.createIndexes(BARRIER_TALLY_TABLES)),
                        timed("  side by side: reach tallies' indexes", () -> shadow.createIndexes(REACH_TALLY_TABLES)));
            } finally {
                finishers.shutdownNow();
            }
            time("erasures by position, signal marks", erased - started);
            time("tallies counted, and the event tables' indexes, side by side", counted - erased);
            time("the tallies' indexes, side by side", System.nanoTime() - counted);
        }

        /** Where this load's time went, per step, in nanoseconds (the writer's steps overlap the others). */
        public Map<String, Long> steps() {
            synchronized (nanos) {
                return new LinkedHashMap<>(nanos);
            }
        }

        private void time(String step, long spent) {
            nanos.merge(step, spent, Long::sum);
        }

        /** Runs each of {@code work} on {@code pool} and waits for all; the first failure is thrown. */
        private static void allOf(ExecutorService pool, Runnable... work) {
            try {
                CompletableFuture.allOf(java.util.Arrays.stream(work).map(each -> CompletableFuture.runAsync(each, pool))
                        .toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failed;
            }
        }

        private Runnable timed(String step, Runnable work) {
            return () -> {
                long started = System.nanoTime();
                work.run();
                time(step, System.nanoTime() - started);
            };
        }
    }

    /**
     * One delivery's rows as COPY text: its claim in {@code applied_event}, and the row it keeps in the table
     * {@code EVENT_ROWS.get(kind)} ({@code kind} -1 and no line if it keeps none there).
     */
    private record Row(String claim, int kind, String line) {

        static Row of(Delivery delivery) {
            ContractEvent event = delivery.event();
            String claim = CopyRows.line(event.eventId(), delivery.topic(), delivery.partition(), delivery.offset());
            for (int kind = 0; kind < EVENT_ROWS.size(); kind++) {
                Object[] row = EVENT_ROWS.get(kind).rowOf(event);
                if (row != null) {
                    return new Row(claim, kind, CopyRows.line(forCopy(row)));
                }
            }
            return new Row(claim, -1, null);
        }
    }

    /** One poll's first-seen events and their rows, staged for the writer. */
    private static final class Staged {
        private final CopyRows applied = new CopyRows("applied_event", "event_id", "topic", "kafka_partition", "kafka_offset");
        private final CopyRows[] rows = EVENT_ROWS.stream()
                .map(kind -> new CopyRows(kind.table(), kind.columns().toArray(String[]::new)))
                .toArray(CopyRows[]::new);
        private final List<ContractEvent> firstSeen = new ArrayList<>();
        private final Map<org.apache.kafka.common.TopicPartition, Long> nextOffsets;

        private Staged(Map<org.apache.kafka.common.TopicPartition, Long> nextOffsets) {
            this.nextOffsets = nextOffsets;
        }
    }

    private void intoShadow(boolean aggregates) {
        // For this transaction only: every unqualified table is the shadow's; sequences stay the live ones.
        jdbc.execute("set local search_path to " + ShadowSchema.SCHEMA + ", public");
        // A rebuild can be run again from the topics: losing its last commits in a crash loses nothing.
        jdbc.execute("set local synchronous_commit to off");
        if (aggregates) {
            // Counting distinct people over every row: hashed in memory rather than sorted on disk.
            jdbc.execute("set local work_mem to '256MB'");
        }
    }

    private static Object[] forCopy(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof OffsetDateTime at) {
                row[i] = at.toInstant();
            }
        }
        return row;
    }
}
