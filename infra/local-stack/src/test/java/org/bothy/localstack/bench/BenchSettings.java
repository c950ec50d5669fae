package org.bothy.localstack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bothy.localstack.ServiceSizing;
import org.bothy.localstack.StackPlan;

/**
 * What one run of {@link ConsortiumLatencyBenchmark} does, from {@code -Dbench.*} system properties.
 *
 * @param rate             barriers recorded per second, offered on an open-loop schedule
 * @param seconds          how long the measured phase offers them
 * @param warmUpSeconds    a phase at the same rate before it, on patterns of its own, not counted
 * @param partners         the partner organisations that run (the first N of the consortium)
 * @param clients          HTTP clients that send the paced commands (each one request at a time)
 * @param pollMillis       pause between two reads of the place's {@code GET /barriers}
 * @param visibleTimeout   how long after the last answer a barrier may still become visible before it counts as never
 * @param enrolConcurrency registrations in flight per partner while the people are enrolled (not timed)
 * @param barriersPerPerson barriers each person meets in one phase, each in a pattern of its own; 0: as many as the
 *                          code lists have patterns for (fewer people to enrol)
 * @param sizing           the services' JVMs and pools: the local stack's own ({@code local}) or {@code server}
 * @param repository       the repository root, where the services' executable jars are
 * @param keepData         whether to keep the stack's data folder (its logs) after the run
 * @param serviceArgs      settings added to services' own, by the start of their names ({@code place},
 *                         {@code partner-}, {@code escalation}), from {@code -Dbench.place-args="--name=value ..."},
 *                         {@code -Dbench.partner-args} and {@code -Dbench.escalation-args}
 */
record BenchSettings(int rate, int seconds, int warmUpSeconds, List<String> partners, int clients, int pollMillis,
                     int visibleTimeout, int enrolConcurrency, int barriersPerPerson, ServiceSizing sizing,
                     Path repository,
                     boolean keepData, Map<String, Map<String, String>> serviceArgs) {

    static BenchSettings fromSystemProperties() {
        int partnerCount = Integer.getInteger("bench.partners", StackPlan.NESSIE_PARTNERS.size());
        if (partnerCount < 1 || partnerCount > StackPlan.NESSIE_PARTNERS.size()) {
            throw new IllegalArgumentException("bench.partners must be 1 to " + StackPlan.NESSIE_PARTNERS.size());
        }
        String repository = System.getProperty("bench.repository");
        return new BenchSettings(Integer.getInteger("bench.rate", 500), Integer.getInteger("bench.seconds", 20),
                Integer.getInteger("bench.warm-up-seconds", 5), StackPlan.NESSIE_PARTNERS.subList(0, partnerCount),
                Integer.getInteger("bench.clients", 512),
                Integer.getInteger("bench.poll-ms", 5), Integer.getInteger("bench.visible-timeout-seconds", 60),
                Integer.getInteger("bench.enrol-concurrency", 8), Integer.getInteger("bench.barriers-per-person", 0),
                ServiceSizing.named(System.getProperty("bench.sizing", "local")),
                repository == null ? findRepository() : Path.of(repository).toAbsolutePath().normalize(),
                Boolean.getBoolean("bench.keep-data"),
                Map.of("place", arguments("bench.place-args"), "partner-", arguments("bench.partner-args"),
                        "escalation", arguments("bench.escalation-args")));
    }

    /** {@code --name=value} settings separated by spaces, as a service's command line takes them. */
    private static Map<String, String> arguments(String property) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String argument : System.getProperty(property, "").trim().split("\\s+")) {
            if (argument.isEmpty()) {
                continue;
            }
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException(property + ": not --name=value: " + argument);
            }
            settings.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        return settings;
    }

    int measuredCommands() {
        return rate * seconds;
    }

    int warmUpCommands() {
        return rate * warmUpSeconds;
    }

    /** People each partner enrols for a phase of {@code commands} barriers, each person meeting {@code perPerson}. */
    int peoplePerPartner(int commands, int perPerson) {
        return ceiling(ceiling(commands, partners.size()), perPerson);
    }

    static int ceiling(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    // Maven's exec plugin runs in the directory it was started from: the root, or this module with -f
    private static Path findRepository() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("services").resolve("partner-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + here + "; set -Dbench.repository");
    }
}
