package org.bothy.place.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.contract.ContractEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One poll's worth of learning records, applied in one database transaction: invalid records to the dead-letter
 * topic, first-seen events to every projection, and the next offset of each partition stored with them.
 */
@Component
public class IntakeBatch {

    private static final Pattern SCHEMA_NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final int PARALLEL_FROM = 256;

    private final ContractCodec codec;
    private final ContractCheck check;
    private final AppliedEvents applied;
    private final List<LearningProjection> projections;
    private final DeadLetters deadLetters;
    private final ConsumerOffsets offsets;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public IntakeBatch(ContractCheck check, AppliedEvents applied, List<LearningProjection> projections,
                       DeadLetters deadLetters, ConsumerOffsets offsets, TransactionTemplate transaction,
                       JdbcTemplate jdbc) {
        this.codec = ContractCodec.standard();
        this.check = check;
        this.applied = applied;
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.offsets = offsets;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** What a committed batch did: the next offset per partition and the events projected for the first time. */
    public record Outcome(Map<TopicPartition, Long> nextOffsets, List<ContractEvent> projected) {
    }

    /** Applies {@code records} and returns what was committed; throws, with nothing committed, if any step fails. */
    public Outcome apply(ConsumerRecords<String, byte[]> records) {
        return apply(records, null);
    }

    /**
     * Applies {@code records} to the tables of {@code schema} instead of the live ones (for a rebuild): the same
     * projections and offsets, but records refused are only skipped, as they went to the dead-letter topic when
     * first read.
     */
    public Outcome applyInto(String schema, ConsumerRecords<String, byte[]> records) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        return apply(records, schema);
    }

    /** A poll read: its valid partner events in order, the records refused with their reasons, each partition's next offset. */
    public record Decoded(List<Delivery> valid, List<DeadLetters.Refused> refused, Map<TopicPartition, Long> nextOffsets) {
    }

    /** Decodes and checks every record of a poll, on every core if it is big; touches no database. */
    public Decoded decode(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        Read[] reads = new Read[polled.size()];
        IntStream range = IntStream.range(0, reads.length);
        // Decoding and the schema check are CPU work, independent per record and the larger part of a big poll's
        // time outside the database: a big poll is read on every core. A small one is not worth the hand-off.
        (reads.length >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> reads[i] = read(polled.get(i)));
        List<Delivery> valid = new ArrayList<>(records.count());
        List<DeadLetters.Refused> refused = new ArrayList<>();
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (int i = 0; i < reads.length; i++) {
            ConsumerRecord<String, byte[]> record = polled.get(i);
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            Read read = reads[i];
            if (read.event() != null) {
                valid.add(new Delivery(record.topic(), record.partition(), record.offset(), read.event()));
            } else {
                refused.add(new DeadLetters.Refused(record, read.reason()));
            }
        }
        return new Decoded(valid, refused, next);
    }

    private Outcome apply(ConsumerRecords<String, byte[]> records, String schema) {
        Decoded decoded = decode(records);
        return transaction.execute(status -> {
            if (schema != null) {
                // For this transaction only: every unqualified table is the shadow's; sequences stay the live ones.
                jdbc.execute("set local search_path to " + schema + ", public");
                // A rebuild can be run again from the topics: losing its last commits in a crash loses nothing.
                jdbc.execute("set local synchronous_commit to off");
            } else {
                // Acknowledged before the offsets commit: a refused record is never skipped without a trace.
                deadLetters.send(decoded.refused());
            }
            List<Delivery> firstSeen = applied.claimFirstSeen(decoded.valid());
            List<ContractEvent> events = firstSeen.stream().map(Delivery::event).toList();
            for (List<ContractEvent> segment : segments(events)) {
                projections.forEach(projection -> projection.apply(segment));
            }
            offsets.store(decoded.nextOffsets());
            return new Outcome(decoded.nextOffsets(), events);
        });
    }

    /**
     * The events cut after each one that ends sharing, so that an erasure removes what came before it and nothing that
     * came after.
     */
    public static List<List<ContractEvent>> segments(List<ContractEvent> events) {
        List<List<ContractEvent>> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < events.size(); i++) {
            if (PartnerEvents.endsSharing(events.get(i))) {
                segments.add(events.subList(start, i + 1));
                start = i + 1;
            }
        }
        if (start < events.size()) {
            segments.add(events.subList(start, events.size()));
        }
        return segments;
    }

    /** A record read: either a partner event to project or the reason it is refused. */
    private record Read(ContractEvent event, String reason) {
    }

    private Read read(ConsumerRecord<String, byte[]> record) {
        ContractEvent event;
        try {
            event = codec.fromRecord(record);
        } catch (ContractViolation violation) {
            return new Read(null, violation.getMessage() == null ? "not a valid contract" : violation.getMessage());
        } catch (RuntimeException unreadable) {
            // Whatever a decoder throws on hostile bytes, a poison record must not stop its partition.
            return new Read(null, "unreadable record: " + unreadable.getClass().getSimpleName()
                    + (unreadable.getMessage() == null ? "" : ": " + unreadable.getMessage()));
        }
        if (IntakeTopics.isReferrals(record.topic())) {
            if (!PartnerEvents.isReferral(event)) {
                return new Read(null, "not a referral contract: " + event.getClass().getSimpleName());
            }
        } else if (!PartnerEvents.isPartnerEvent(event)) {
            return new Read(null, "not a learning contract: " + event.getClass().getSimpleName());
        }
        return check.reasonToRefuse(event).map(reason -> new Read(null, reason)).orElseGet(() -> new Read(event, null));
    }
}
