package org.bothy.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PIDs of the service JVMs a launcher started, written to the data folder so that a later start can stop any
 * the earlier run left behind (should its orphan guards have been killed too). A PID counts as ours only if its
 * process started at the recorded instant, so a reused PID is never touched.
 */
public final class ChildRegistry {

    private final Path file;

    public ChildRegistry(Path file) {
        this.file = file;
    }

    /** Records one child: its PID, its start instant and its name. */
    public synchronized void record(String name, ProcessHandle child) {
        String start = child.info().startInstant().map(Instant::toString).orElse("-");
        try {
            Files.writeString(file, child.pid() + " " + start + " " + name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record child " + name + " in " + file, e);
        }
    }

    /** Stops every recorded child that still runs, then forgets them all; returns what it stopped. */
    public synchronized List<String> stopLeftovers() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> stopped = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::trim).filter(line -> !line.isEmpty())
                    .flatMap(line -> stopIfOurs(line).stream())
                    .toList();
            Files.delete(file);
            return stopped;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Forgets every child, after a clean stop. */
    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static Optional<String> stopIfOurs(String line) {
        String[] parts = line.split(" ", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
        if (process.isEmpty() || !process.get().isAlive()) {
            return Optional.empty();
        }
        String started = process.get().info().startInstant().map(Instant::toString).orElse("-");
        if (!started.equals(parts[1])) {
            return Optional.empty();
        }
        ProcessHandle child = process.get();
        child.destroy();
        try {
            child.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            child.destroyForcibly();
        }
        return Optional.of(parts[2] + " (pid " + parts[0] + ")");
    }
}
