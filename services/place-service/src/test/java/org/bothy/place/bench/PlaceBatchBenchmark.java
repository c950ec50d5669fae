package org.bothy.place.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.place.HandWiredPlace;
import org.bothy.testsupport.RealPostgres;
import org.flywaydb.core.Flyway;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * A harness, not a test: the intake's batch alone, at a fixed size, so that what one batch costs can be compared
 * between builds whatever the batch size a live intake falls into. Polls of {@code bench.batch} new people's
 * {@code BarrierObserved} records (3 patterns, as the steady-state harness sends) are applied one after the other
 * through the hand-wired place's {@code IntakeBatch} on the test kit's PostgreSQL, through a pool as the service's; prints each batch's read -> commit
 * (mean, p50, p99) and the CPU per event of this thread and of PostgreSQL. Arguments: none; settings
 * {@code -Dbench.batch=13 -Dbench.batches=600 -Dbench.warm-up-batches=200}.
 */
public final class PlaceBatchBenchmark {

    private static final String[][] PATTERNS = {
            {"housing", "council-housing"}, {"debt", "council-revenues"}, {"welfare-benefits", "universal-credit"}};
    private static final String TOPIC = "place-batch-bench.learning.batch-bench";

    private PlaceBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.batch", 13);
        int batches = Integer.getInteger("bench.batches", 600);
        int warmUp = Integer.getInteger("bench.warm-up-batches", 200);
        // A pool as the service's (one connection kept, batched inserts rewritten), not a connection per transaction.
        com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(RealPostgres.jdbcUrl("place_batch_bench"));
        dataSource.setUsername(RealPostgres.username());
        dataSource.setPassword(RealPostgres.password());
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        HandWiredPlace place = new HandWiredPlace(dataSource);
        long postmaster;
        String directory = place.jdbc.queryForObject("show data_directory", String.class);
        postmaster = Long.parseLong(Files.readAllLines(Path.of(directory, "postmaster.pid")).get(0).trim());
        ContractCodec codec = ContractCodec.standard();
        Random random = new Random(1);
        long[] offset = {0};
        java.util.function.Supplier<ConsumerRecords<String, byte[]>> poll = () -> {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String[] pattern = PATTERNS[random.nextInt(PATTERNS.length)];
                BarrierObserved barrier = new BarrierObserved(UUID.randomUUID().toString(), Instant.now(), "batch-bench",
                        pseudonym(random), "j-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), pattern[0], pattern[1], 2);
                ProducerRecord<String, byte[]> sent = codec.toRecord(TOPIC, "/bothy/partner/batch-bench", barrier);
                records.add(new ConsumerRecord<>(TOPIC, 0, offset[0]++, 0L, TimestampType.CREATE_TIME, -1, -1,
                        sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty()));
            }
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            return new ConsumerRecords<>(Map.of(partition, records),
                    Map.of(partition, new OffsetAndMetadata(offset[0])));
        };
        for (int i = 0; i < warmUp; i++) {
            place.batch.apply(poll.get());
        }
        List<ConsumerRecords<String, byte[]>> polls = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            polls.add(poll.get());
        }
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        long[] took = new long[batches];
        long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long postgres = ticks(postmaster);
        for (int i = 0; i < batches; i++) {
            long started = System.nanoTime();
            place.batch.apply(polls.get(i));
            took[i] = System.nanoTime() - started;
        }
        double threadMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread) / 1e6;
        double postgresMs = (ticks(postmaster) - postgres) * 10.0;
        long events = (long) batches * size;
        Arrays.sort(took);
        System.out.printf("load average %s -> %s%n", load, Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("%d batches of %d new people's barriers: read -> commit mean %.2f ms, p50 %.2f ms, p99 %.2f ms%n",
                batches, size, Arrays.stream(took).average().orElse(0) / 1e6, took[batches / 2] / 1e6,
                took[(int) Math.ceil(batches * 0.99) - 1] / 1e6);
        System.out.printf("CPU per event: this thread (decode, Java side of the batch) %.3f ms, PostgreSQL %.3f ms; "
                + "per batch %.2f ms and %.2f ms%n", threadMs / events, postgresMs / events, threadMs / batches,
                postgresMs / batches);
        System.exit(0);
    }

    private static String pseudonym(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** utime + stime of the postmaster and its children, in ticks. */
    private static long ticks(long postmaster) throws Exception {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (Long.parseLong(name) == postmaster || Long.parseLong(fields[1]) == postmaster) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks;
    }
}
