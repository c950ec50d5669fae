package org.bothy.partner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the benchmark's PostgreSQL is doing, for the harness to print beside its figures: what its busy backends wait
 * on (sampled from {@code pg_stat_activity}), how far the publisher's token is behind the event store, and the plan
 * Axon's gap-aware reader statement gets at that token.
 */
final class DatabaseWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String username;
    private final String password;
    private final Connection connection;

    DatabaseWatch(String url, String username, String password) throws SQLException {
        this.url = url;
        this.username = username;
        this.password = password;
        this.connection = DriverManager.getConnection(url, username, password);
    }

    /** Samples every busy backend's wait every {@code everyMillis} on a thread of its own until stopped. */
    Sampler sampleWaits(long everyMillis) {
        Sampler sampler = new Sampler(everyMillis);
        sampler.start();
        return sampler;
    }

    /** The publisher's position: the highest global index stored, the token's index and its gaps. */
    Position publisher() throws Exception {
        long head;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            rows.next();
            head = rows.getLong(1);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select token from token_entry where processor_name = 'publisher' and token is not null")) {
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return new Position(head, -1, List.of());
                }
                JsonNode token = JSON.readTree(rows.getBytes(1));
                List<Long> gaps = new ArrayList<>();
                JsonNode stored = token.path("gaps");
                // with default typing on, Axon's serializer writes a set as ["java.util.TreeSet", [1, 2]]
                JsonNode values = stored.size() == 2 && stored.get(0).isTextual() ? stored.get(1) : stored;
                values.forEach(gap -> gaps.add(gap.asLong()));
                return new Position(head, token.path("index").asLong(), gaps);
            }
        }
    }

    /** Waits until the publisher's token has reached the head of the store; returns how long that took, in ms. */
    long awaitPublisherCaughtUp(long timeoutMillis) throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Position position = publisher();
        while (position.backlog() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            position = publisher();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the statement Axon 4.13's {@code JpaEventStorageEngine} reads tracked events with
     * (as Hibernate renders its JPQL), at {@code index} with {@code gaps}, and of the two statements that replace it.
     */
    String explainReader(long index, List<Long> gaps) throws SQLException {
        String columns = "select global_index, type, aggregate_identifier, sequence_number, event_identifier, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry ";
        String inGaps = gaps.isEmpty() ? "" : gaps.stream().map(String::valueOf).collect(Collectors.joining(","));
        StringBuilder plans = new StringBuilder();
        if (!gaps.isEmpty()) {
            plans.append(explain("Axon's statement", columns + "where global_index > " + index
                    + " or global_index in (" + inGaps + ") order by global_index fetch first 100 rows only"));
            plans.append(explain("the gaps", columns + "where global_index in (" + inGaps
                    + ") order by global_index fetch first 100 rows only"));
        }
        plans.append(explain("after the index", columns + "where global_index > " + index
                + " order by global_index fetch first 100 rows only"));
        return plans.toString();
    }

    private String explain(String what, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder("  -- " + what + "\n");
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rows.next()) {
                String line = rows.getString(1);
                // the literal list of gaps makes a line unreadably long; the plan's shape is what matters
                plan.append("     ").append(line.length() > 160 ? line.substring(0, 160) + " ..." : line).append('\n');
            }
        }
        return plan.toString();
    }

    /**
     * CPU time the PostgreSQL server has used so far, in ns: its postmaster and live backends, and the backends it
     * has reaped (Linux {@code /proc}; -1 elsewhere). The JVM's own CPU does not include it.
     */
    static long serverCpuNanos(int port) {
        try {
            Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine()
                            .map(line -> line.contains("bin/postgres") && line.contains("-p " + port + " "))
                            .orElse(false))
                    .findFirst();
            if (postmaster.isEmpty()) {
                return -1;
            }
            long ticks = ticks(postmaster.get().pid(), true);
            for (ProcessHandle backend : postmaster.get().children().toList()) {
                ticks += ticks(backend.pid(), false);
            }
            // /proc counts in clock ticks of 1/100 s on Linux
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU a process has used so far in clock ticks of 1/100 s (0 once it is gone), with its reaped children's if asked. */
    static long ticks(long pid, boolean withReapedChildren) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (NoSuchFileException gone) {
            return 0;
        }
        // fields after the command name in parentheses: state is field 3, utime 14, stime 15, cutime 16, cstime 17
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** The publisher's place in the store. */
    record Position(long head, long index, List<Long> gaps) {

        /** Events stored after the token's index; a gap may never be filled (a rolled-back command), so not counted. */
        long backlog() {
            return index < 0 ? head : head - index;
        }
    }

    /** Counts of (backend type, wait) over every busy backend of the server, sampled on a thread of its own. */
    final class Sampler extends Thread {

        private final long everyMillis;
        private final Map<String, Long> waits = new TreeMap<>();
        private volatile boolean running = true;
        private long samples;

        private Sampler(long everyMillis) {
            super("bench-pg-waits");
            setDaemon(true);
            this.everyMillis = everyMillis;
        }

        @Override
        public void run() {
            try (Connection own = DriverManager.getConnection(url, username, password);
                 PreparedStatement query = own.prepareStatement("""
                         select backend_type, state, coalesce(wait_event_type || ':' || wait_event, 'on CPU')
                         from pg_stat_activity
                         where pid <> pg_backend_pid() and (state is null or state not in ('idle'))
                           and backend_type in ('client backend', 'autovacuum worker', 'autovacuum launcher')""")) {
                while (running) {
                    try (ResultSet rows = query.executeQuery()) {
                        synchronized (this) {
                            samples++;
                            while (rows.next()) {
                                String backend = rows.getString(1).equals("client backend") ? "" : rows.getString(1) + " ";
                                String state = "idle in transaction".equals(rows.getString(2)) ? "idle in transaction"
                                        : rows.getString(3);
                                waits.merge(backend + state, 1L, Long::sum);
                            }
                        }
                    }
                    Thread.sleep(everyMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                System.out.println("pg_stat_activity sampling stopped: " + e.getMessage());
            }
        }

        /** Stops sampling and describes the busy backends: the average number in each wait, most common first. */
        String finish() throws InterruptedException {
            running = false;
            join(5000);
            synchronized (this) {
                long n = Math.max(1, samples);
                return waits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(10).map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) n))
                        .collect(Collectors.joining(", ")) + " (busy backends on average, " + samples + " samples)";
            }
        }
    }
}
