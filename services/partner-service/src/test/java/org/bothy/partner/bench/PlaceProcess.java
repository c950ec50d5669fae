package org.bothy.partner.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bothy.testsupport.RealKafka;
import org.bothy.testsupport.RealPostgres;
import org.bothy.testsupport.TestIdentity;

/**
 * The place service as its own JVM, from its executable jar, on the test kit's PostgreSQL (a database of its own) and
 * broker: what a partner publishes reaches it only through Kafka, as in the consortium. Its output goes to a log file.
 */
final class PlaceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PlaceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar and waits until its health is UP. */
    static PlaceProcess start(Path jar, String database, List<String> jvmOptions, Path log) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no place-service jar at " + jar + ": build it with -am (docs/performance.md)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + RealPostgres.jdbcUrl(database),
                "--spring.datasource.username=" + RealPostgres.username(),
                "--spring.datasource.password=" + RealPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + RealKafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIdentity.jwksUri(),
                "--logging.level.root=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        PlaceProcess place = new PlaceProcess(builder.start(), port, log);
        place.awaitHealthy(Duration.ofMinutes(3));
        return place;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** CPU the place's JVM has used so far, every thread, in ns (Linux {@code /proc}; -1 if unreadable). */
    long cpuNanos() {
        try {
            return DatabaseWatch.ticks(process.pid(), false) * 10_000_000L;
        } catch (IOException e) {
            return -1;
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the place service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the place service was not healthy within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
