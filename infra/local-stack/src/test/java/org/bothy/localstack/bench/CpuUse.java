package org.bothy.localstack.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bothy.localstack.ConsortiumStack;

/**
 * CPU time each part of the stack has used: every service's JVM, PostgreSQL (the postmaster and its backends), and
 * this JVM (the harness and the Kafka broker it holds). The difference of two samples says where the cores went.
 */
record CpuUse(Map<String, Duration> byPart) {

    static final String POSTGRES = "postgresql";
    static final String THIS_JVM = "harness and broker";

    static CpuUse of(ConsortiumStack stack) {
        Map<String, Duration> parts = new LinkedHashMap<>();
        Map<String, ProcessHandle> services = stack.serviceProcesses();
        services.forEach((name, process) -> parts.put(name, cpu(process)));
        Set<Long> servicePids = new java.util.HashSet<>();
        services.values().forEach(p -> servicePids.add(p.pid()));
        List<ProcessHandle> database = stack.processes().stream().filter(p -> !servicePids.contains(p.pid())).toList();
        parts.put(POSTGRES, database.stream().map(CpuUse::cpu).reduce(Duration.ZERO, Duration::plus));
        parts.put(THIS_JVM, cpu(ProcessHandle.current()));
        return new CpuUse(parts);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** What each part used since {@code earlier} (a backend that ended in between is not counted). */
    CpuUse since(CpuUse earlier) {
        Map<String, Duration> used = new LinkedHashMap<>();
        byPart.forEach((part, now) -> {
            Duration then = earlier.byPart.getOrDefault(part, Duration.ZERO);
            used.put(part, now.compareTo(then) > 0 ? now.minus(then) : Duration.ZERO);
        });
        return new CpuUse(used);
    }

    Duration total() {
        return byPart.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
