package org.bothy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A service running as its own child JVM, its output appended to its log file in the data folder. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Flags for a quick start and a small footprint on a shared 2-core machine: C1 only (these services do little
     * work locally, and C2 compiles cost more CPU at start than they save), the serial collector, small heaps and
     * thread stacks. Measured in docs/local-stack.md.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms32m", "-Xmx192m",
            "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=48m", "-XX:CICompilerCount=1",
            "-Xshare:auto", "-Djava.awt.headless=true", "-Dspring.jmx.enabled=false");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceSpec spec;
    private final Process process;
    private final OrphanGuard guard;
    private final Path log;

    private ServiceProcess(ServiceSpec spec, Process process, OrphanGuard guard, Path log) {
        this.spec = spec;
        this.process = process;
        this.guard = guard;
        this.log = log;
    }

    /** Starts the service's jar with {@link #JVM_OPTIONS}; returns at once, before the service is ready. */
    public static ServiceProcess start(ServiceSpec spec, Path log) {
        return start(spec, log, null, JVM_OPTIONS);
    }

    /**
     * As {@link #start(ServiceSpec, Path)}, sharing class data through {@code cds} when it is given, with the JVM
     * options given instead of {@link #JVM_OPTIONS}.
     */
    static ServiceProcess start(ServiceSpec spec, Path log, ClassDataSharing cds, List<String> jvmOptions) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException("the jar of " + spec.name() + " is missing: " + spec.jar()
                    + " (build it with ./mvnw -B -DskipTests package)");
        }
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + log.getParent(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(ClassDataSharing.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(cds == null ? List.of("-jar", spec.jar().toString()) : cds.launchArguments(spec.jar(), log));
        spec.sortedProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(Redirect.PIPE)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        if (!spec.secrets().isEmpty()) {
            builder.environment().put("SPRING_APPLICATION_JSON", json(spec.secrets()));
        }
        try {
            Process process = builder.start();
            return new ServiceProcess(spec, process, OrphanGuard.watch(process.pid(), "TERM"), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    private static String json(Map<String, String> flat) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(flat));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the secrets as JSON", e);
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the service to stop (SIGTERM: Spring shuts down gracefully), without waiting. */
    public void requestStop() {
        guard.close();
        process.destroy();
    }

    /** Waits up to {@code seconds} for the service to exit, then kills it. */
    public void awaitStop(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        requestStop();
        awaitStop(30);
    }
}
