package org.bothy.partner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads grouped by what they are (request threads, JIT compilers, garbage collection, the
 * Kafka broker, the publisher, the benchmark's clients), read from Linux's {@code /proc/self/task}: where a phase's
 * CPU went, the JIT compiler's and the collector's included, which no Java API reports.
 */
final class ThreadCpu {

    private final Map<Long, Long> ticksAtStart;

    private ThreadCpu(Map<Long, Long> ticksAtStart) {
        this.ticksAtStart = ticksAtStart;
    }

    /** Notes every thread's CPU now, to compare with later. */
    static ThreadCpu start() {
        Map<Long, Long> ticks = new HashMap<>();
        threads().forEach(thread -> ticks.put(thread.tid(), thread.ticks()));
        return new ThreadCpu(ticks);
    }

    /** The CPU each group of threads used since {@link #start()}, in ms per {@code commands}, largest first. */
    String perCommand(long commands) {
        Map<String, Long> byGroup = new HashMap<>();
        threads().forEach(thread -> byGroup.merge(thread.group(),
                thread.ticks() - ticksAtStart.getOrDefault(thread.tid(), 0L), Long::sum));
        double per = Math.max(1, commands);
        return byGroup.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                // a tick is 10 ms (USER_HZ 100)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() * 10 / per))
                .collect(Collectors.joining(", "));
    }

    private static Stream<Sample> threads() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.map(ThreadCpu::sample).filter(sample -> sample != null).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Sample sample(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Sample(Long.parseLong(task.getFileName().toString()), group(name),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The kernel keeps 15 characters of a thread's name; digits and what follows them only number the threads. */
    private static String group(String name) {
        if (name.startsWith("http-nio")) {
            return "requests (Tomcat)";
        } else if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
            return "JIT compiler";
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "garbage collector";
        } else if (name.startsWith("WorkPackage") || name.startsWith("Coordinator")
                || name.startsWith("EmbeddedEventSt")) {
            return "publisher and event store reader";
        } else if (name.startsWith("HttpClient") || name.startsWith("pool-")) {
            return "benchmark clients";
        } else if (name.startsWith("kafka-producer")) {
            return "Kafka producer";
        } else if (name.contains("kafka") || name.contains("raft") || name.contains("broker")
                || name.startsWith("data-plane") || name.startsWith("controller")) {
            return "Kafka broker";
        }
        return "other: " + name.replaceAll("[-#\\d].*$", "");
    }

    private record Sample(long tid, String group, long ticks) {
    }
}
