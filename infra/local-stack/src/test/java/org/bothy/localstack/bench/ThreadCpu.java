package org.bothy.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of one process's threads, grouped by name with the numbers taken out ({@code http-nio-8090-exec-3} and
 * {@code -7} are one group), read from {@code /proc}: which of a service's threads used its share of the cores.
 */
record ThreadCpu(Map<String, Long> ticksByGroup) {

    // USER_HZ: the unit of utime and stime in /proc/<pid>/task/<tid>/stat
    private static final double TICKS_PER_SECOND = 100.0;

    static ThreadCpu of(ProcessHandle process) {
        Map<String, Long> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // comm is in parentheses and may hold spaces; the fields after it are space separated
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    groups.merge(name.replaceAll("[0-9]+", "#"), ticks, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended while read is not counted
                }
            });
        } catch (IOException | RuntimeException unreadable) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(groups);
    }

    /** CPU used per group since {@code earlier} (threads that ended in between are not counted). */
    ThreadCpu since(ThreadCpu earlier) {
        Map<String, Long> used = new HashMap<>();
        ticksByGroup.forEach((group, now) -> used.put(group, Math.max(0, now - earlier.ticksByGroup.getOrDefault(group, 0L))));
        return new ThreadCpu(used);
    }

    /** The groups that used most, as {@code "name 1.2 s, ..."}, at most {@code limit}. */
    String busiest(int limit) {
        StringBuilder out = new StringBuilder();
        ticksByGroup.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(out.isEmpty() ? "" : ", ")
                        .append(String.format("%s %.1f s", e.getKey(), e.getValue() / TICKS_PER_SECOND)));
        return out.toString();
    }
}
