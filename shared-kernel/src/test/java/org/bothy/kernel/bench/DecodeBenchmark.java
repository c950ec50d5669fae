package org.bothy.kernel.bench;

import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.contract.learning.SoftMeasureScored;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * A harness, not a test: the kernel's codec reading binary-mode Kafka records of the place replay's mix (50% barriers,
 * 30% contacts, 10% journeys opened, 10% soft measures) on one thread, every record checked against its schema as the
 * place's intake and rebuild read them. Each round is read twice, in turn: by the codec, and as the codec read a binary
 * record before it read the headers itself (through the CloudEvents SDK's reader), so that the two are compared in the
 * same process and the same conditions. Prints records/s and CPU per record; asserts nothing. Run as
 * docs/performance.md says.
 */
public final class DecodeBenchmark {

    private static final String TOPIC = "bothy.learning.bench";
    private static final String[] ORGANISATIONS = {"fresh-start", "move-on", "north-edinburgh-arts", "spartans"};
    private static final String[] THEMES = {"housing", "debt", "welfare-benefits", "mental-health", "employment", "family"};
    private static final String[] ACTORS = {"council-housing", "council-revenues", "universal-credit", "gp", "jobcentre", "social-work"};
    private static final String[] KINDS = {"visit", "call", "message", "meeting"};

    private static final List<String> REQUIRED = List.of("ce_specversion", "ce_id", "ce_type", "ce_source");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DecodeBenchmark() {
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ContractCodec codec = ContractCodec.standard();
        Random random = new Random(42);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            ProducerRecord<String, byte[]> sent = codec.toRecord(TOPIC, "/bothy/partner/bench",
                    event(random, start.plus(i / 3, ChronoUnit.MINUTES)));
            received.add(new ConsumerRecord<>(TOPIC, 0, i, 0L, TimestampType.CREATE_TIME, -1, -1, sent.key(),
                    sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty()));
        }
        for (int round = 1; round <= rounds; round++) {
            time(round, "codec", received, codec::fromRecord);
            time(round, "through the SDK", received, record -> throughTheSdk(codec, record));
        }
    }

    private static void time(int round, String way, List<ConsumerRecord<String, byte[]>> received,
                             Function<ConsumerRecord<String, byte[]>, ContractEvent> decoder) {
        long checksum = 0;
        long before = System.nanoTime();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        for (ConsumerRecord<String, byte[]> record : received) {
            checksum += decoder.apply(record).eventId().length();
        }
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double seconds = (System.nanoTime() - before) / 1e9;
        // The thread's CPU time says more than the clock on a machine shared with other work.
        System.out.printf("round %d, %-15s: %,d records decoded and checked in %.2f s, %,.0f records/s; CPU %.2f µs each "
                + "(%,.0f records per CPU second; checksum %d)%n", round, way, received.size(), seconds,
                received.size() / seconds, cpu * 1e6 / received.size(), received.size() / cpu, checksum);
    }

    /** A binary record read as the codec read every one before it read the headers itself: the SDK's reader, then the CloudEvent. */
    private static ContractEvent throughTheSdk(ContractCodec codec, ConsumerRecord<String, byte[]> record) {
        for (String name : REQUIRED) {
            Header header = record.headers().lastHeader(name);
            if (header == null || header.value() == null || header.value().length == 0) {
                throw new ContractViolation("missing " + name);
            }
        }
        ContractEvent event = codec.fromCloudEvent(KafkaMessageFactory.createReader(record).toEvent());
        if (record.key() != null && !record.key().equals(event.subject())) {
            throw new ContractViolation("record key does not match subject");
        }
        return event;
    }

    private static ContractEvent event(Random random, Instant at) {
        String organisation = ORGANISATIONS[random.nextInt(4)];
        String person = pseudonym(random.nextInt(50_000));
        String journey = "j-" + person.substring(0, 12) + "-" + organisation;
        int kind = random.nextInt(10);
        if (kind < 5) {
            int pattern = random.nextInt(THEMES.length);
            return new BarrierObserved(UUID.randomUUID().toString(), at, organisation, person, journey,
                    "b-" + UUID.randomUUID(), THEMES[pattern], ACTORS[(pattern + random.nextInt(2)) % ACTORS.length], 2);
        }
        if (kind < 8) {
            return new ContactRecorded(UUID.randomUUID().toString(), at, organisation, person, journey,
                    "c-" + UUID.randomUUID(), KINDS[random.nextInt(4)], 5 + random.nextInt(90),
                    random.nextInt(4) == 0 ? 500 + random.nextInt(5000) : 0);
        }
        if (kind < 9) {
            return new JourneyOpened(UUID.randomUUID().toString(), at, organisation, person, journey, "drop-in");
        }
        return new SoftMeasureScored(UUID.randomUUID().toString(), at, organisation, person, journey, "confidence",
                1 + random.nextInt(10));
    }

    private static String pseudonym(int person) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 7);
        bytes[0] = (byte) (person >> 16);
        bytes[1] = (byte) (person >> 8);
        bytes[2] = (byte) person;
        return HexFormat.of().formatHex(bytes);
    }
}
