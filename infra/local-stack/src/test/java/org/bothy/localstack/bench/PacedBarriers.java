package org.bothy.localstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records barriers at a paced rate on an open-loop schedule: the i-th command is due at start + i / rate whatever
 * the earlier ones are doing, and is sent then by any of {@code clients} HTTP clients that is free (each sends
 * asynchronously and waits for nothing else), so a slow answer does not slow the offered rate as long as a client is
 * free. Latency is counted from when the command was due, so a command that waited for a client still counts its
 * wait; how late commands were sent is reported with the figures.
 */
final class PacedBarriers {

    /** One barrier to record: on whose journey, under which pattern, and whether it is measured. */
    record Command(Enrolment.Person person, BarrierPatterns.Pattern pattern, String partnerUrl, String workerToken,
                   boolean measured) {
    }

    /** What became of one command; times are {@link System#nanoTime()}, {@code acceptedAtMillis} the wall clock. */
    static final class Outcome {
        final Command command;
        volatile long dueNanos;
        volatile long sentNanos;
        volatile long answeredNanos;
        volatile long acceptedAtMillis;
        volatile int status;
        volatile String barrierId;
        volatile String failure;

        Outcome(Command command) {
            this.command = command;
        }

        boolean accepted() {
            return status >= 200 && status < 300 && barrierId != null;
        }
    }

    /** What the phase offered and how long offering and answering took. */
    record Phase(List<Outcome> outcomes, long firstDueNanos, long lastSentNanos, long lastAnsweredNanos, int mostInFlight) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int clients;

    PacedBarriers(int clients) {
        this.clients = clients;
    }

    /** Offers the commands at {@code rate} per second and waits (up to {@code answerTimeout}) for every answer. */
    Phase run(List<Command> commands, int rate, Duration answerTimeout) throws InterruptedException {
        List<Outcome> outcomes = commands.stream().map(Outcome::new).toList();
        CountDownLatch answered = new CountDownLatch(outcomes.size());
        AtomicInteger inFlight = new AtomicInteger();
        Semaphore free = new Semaphore(clients);
        AtomicInteger mostInFlight = new AtomicInteger();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long lastSent = start;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            outcome.dueNanos = due;
            free.acquire();
            outcome.sentNanos = System.nanoTime();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            client.sendAsync(request(outcome.command), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        outcome.answeredNanos = System.nanoTime();
                        outcome.acceptedAtMillis = System.currentTimeMillis();
                        if (failure != null) {
                            outcome.failure = failure.toString();
                        } else {
                            outcome.status = response.statusCode();
                            outcome.barrierId = barrierId(response);
                        }
                        inFlight.decrementAndGet();
                        free.release();
                        answered.countDown();
                    });
            lastSent = System.nanoTime();
        }
        answered.await(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        long lastAnswered = outcomes.stream().mapToLong(o -> o.answeredNanos).max().orElse(lastSent);
        return new Phase(outcomes, start, lastSent, lastAnswered, mostInFlight.get());
    }

    private static HttpRequest request(Command command) {
        String body = "{\"theme\":\"" + command.pattern().theme() + "\",\"systemActor\":\"" + command.pattern().systemActor()
                + "\",\"level\":2,\"note\":\"fictional note for the benchmark\"}";
        return HttpRequest.newBuilder(URI.create(command.partnerUrl() + "/journeys/" + command.person().journeyId() + "/barriers"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + command.workerToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String barrierId(HttpResponse<String> response) {
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(response.body()).path("barrierId");
            return id.isTextual() ? id.asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
