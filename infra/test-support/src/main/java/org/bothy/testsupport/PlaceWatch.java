package org.bothy.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For the harnesses that time a barrier to the place (the consortium's, the partner -> place one): reads the place's
 * {@code GET /barriers} (every organisation's, or one's with {@code ?organisation=}) as a place lead every few
 * milliseconds and keeps, per pattern ({@code theme:systemActor}), when each count of people was first seen: the
 * moment a query would have shown it.
 */
public final class PlaceWatch implements AutoCloseable {

    /** A count of people first seen in the response that arrived at {@code seenNanos}. */
    record Sighting(long people, long seenNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpRequest request;
    private final int pollMillis;
    private final Map<String, List<Sighting>> sightings = new ConcurrentHashMap<>();
    private final List<Long> pollNanos = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile boolean timingPolls;

    /** Starts polling {@code barriers} (the view's whole URL) every {@code pollMillis} after each answer. */
    public PlaceWatch(URI barriers, String placeLeadToken, int pollMillis) {
        this.request = HttpRequest.newBuilder(barriers)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + placeLeadToken)
                .header("Accept", "application/json")
                .GET().build();
        this.pollMillis = pollMillis;
        this.poller = new Thread(this::poll, "place-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            try {
                long asked = System.nanoTime();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                long seen = System.nanoTime();
                if (response.statusCode() != 200) {
                    failures.incrementAndGet();
                } else {
                    for (JsonNode row : JSON.readTree(response.body())) {
                        String key = row.path("theme").asText() + ":" + row.path("systemActor").asText();
                        note(key, row.path("people").asLong(), seen);
                    }
                }
                if (timingPolls) {
                    synchronized (pollNanos) {
                        pollNanos.add(seen - asked);
                    }
                }
                Thread.sleep(pollMillis);
            } catch (InterruptedException stop) {
                return;
            } catch (Exception failed) {
                failures.incrementAndGet();
            }
        }
    }

    private void note(String pattern, long people, long seen) {
        List<Sighting> seenSoFar = sightings.computeIfAbsent(pattern, k -> new ArrayList<>());
        synchronized (seenSoFar) {
            if (seenSoFar.isEmpty() || seenSoFar.get(seenSoFar.size() - 1).people() < people) {
                seenSoFar.add(new Sighting(people, seen));
            }
        }
    }

    /** The people the place counts in the pattern now (as last polled). */
    public long people(String pattern) {
        List<Sighting> seenSoFar = sightings.get(pattern);
        if (seenSoFar == null) {
            return 0;
        }
        synchronized (seenSoFar) {
            return seenSoFar.isEmpty() ? 0 : seenSoFar.get(seenSoFar.size() - 1).people();
        }
    }

    /**
     * Waits until the place has been seen counting, under every pattern, at least the people {@code expected} names;
     * false if {@code timeout} passed first.
     */
    public boolean awaitCounts(Map<String, Long> expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.entrySet().stream().allMatch(each -> people(each.getKey()) >= each.getValue())) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** When the pattern was first seen counting at least {@code people}, or -1 if it has not been. */
    public long firstSeenAtLeast(String pattern, long people) {
        List<Sighting> seenSoFar = sightings.get(pattern);
        if (seenSoFar == null) {
            return -1;
        }
        synchronized (seenSoFar) {
            for (Sighting sighting : seenSoFar) {
                if (sighting.people() >= people) {
                    return sighting.seenNanos();
                }
            }
        }
        return -1;
    }

    /** Starts keeping how long each poll takes (from the measured phase on). */
    public void timePolls() {
        timingPolls = true;
    }

    /** Each timed poll's round trip, in ns, since {@link #timePolls()}. */
    public long[] pollDurations() {
        synchronized (pollNanos) {
            return pollNanos.stream().mapToLong(Long::longValue).toArray();
        }
    }

    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
