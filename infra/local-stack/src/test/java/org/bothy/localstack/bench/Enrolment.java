package org.bothy.localstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.utils.Utils;
import org.bothy.localstack.JsonHttp;

/**
 * Before anything is timed, as a worker would: each person is registered with share consent and a journey opened for
 * them at one partner, so that a later barrier is one command on a journey that already exists.
 */
final class Enrolment {

    /** A person enrolled at one partner, and the partition of its topic their events go to (Kafka's partitioner on the pseudonym). */
    record Person(String organisation, String journeyId, String pseudonym, int partition) {
    }

    private final JsonHttp http = new JsonHttp();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    /** Enrols {@code count} people at the partner, {@code concurrency} registrations at a time. */
    List<Person> enrol(String organisation, String partnerUrl, String workerToken, int count, int partitions,
                       int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Person>> people = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                people.add(pool.submit(() -> {
                    Person person = openJourney(organisation, partnerUrl, workerToken, n, partitions);
                    int finished = done.incrementAndGet();
                    if (finished % 1000 == 0) {
                        System.out.printf("  %s: %,d of %,d people enrolled%n", organisation, finished, count);
                    }
                    return person;
                }));
            }
            List<Person> enrolled = new ArrayList<>(count);
            for (Future<Person> person : people) {
                enrolled.add(person.get());
            }
            return enrolled;
        } finally {
            pool.shutdownNow();
        }
    }

    private Person openJourney(String organisation, String partnerUrl, String workerToken, int n, int partitions) {
        // fictional and unique across partners, so that every barrier is a person of its own at the place too
        Map<String, Object> body = Map.of(
                "person", Map.of("fullName", "Bench Person " + organisation + " " + run + " " + n,
                        "dateOfBirth", LocalDate.of(1950, 1, 1).plusDays(n % 20_000).toString()),
                "door", "drop-in", "consents", List.of("share-learning"));
        for (int attempt = 1; ; attempt++) {
            JsonHttp.Reply opened = http.post(partnerUrl + "/journeys", workerToken, body);
            if (opened.status() == 201) {
                String pseudonym = opened.json().path("pseudonym").asText();
                return new Person(organisation, opened.json().path("journeyId").asText(), pseudonym,
                        partitionOf(pseudonym, partitions));
            }
            if (attempt == 3) {
                throw new IllegalStateException("could not open a journey at " + organisation + ": " + opened.status()
                        + " " + opened.body());
            }
        }
    }

    /** The partition Kafka's default partitioner gives a record keyed by this pseudonym (as the partner's publisher keys it). */
    static int partitionOf(String pseudonym, int partitions) {
        return Utils.toPositive(Utils.murmur2(pseudonym.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
