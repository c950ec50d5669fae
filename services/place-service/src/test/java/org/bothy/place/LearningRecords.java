package org.bothy.place;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.place.intake.PartnerEvents;
import org.bothy.testsupport.RealKafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Learning contracts as a partner would publish them, written to real topics with the kernel's codec. */
final class LearningRecords {

    private static final ContractCodec CODEC = ContractCodec.standard();

    private LearningRecords() {
    }

    /** A stand-in pseudonym for a fictional person: 64 hex characters, as the contract requires. */
    static String pseudonym(String who) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("test-person:" + who).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BarrierObserved barrier(String organisation, String pseudonym, String theme, String systemActor, Instant at) {
        return new BarrierObserved(UUID.randomUUID().toString(), at, organisation, pseudonym,
                "journey-" + UUID.randomUUID(), "barrier-" + UUID.randomUUID(), theme, systemActor, 2);
    }

    static JourneyOpened journey(String organisation, String pseudonym, Instant at) {
        return new JourneyOpened(UUID.randomUUID().toString(), at, organisation, pseudonym,
                "journey-" + UUID.randomUUID(), "drop-in");
    }

    /** The binary-mode record a partner would send for {@code event}. */
    static ProducerRecord<String, byte[]> record(String topic, ContractEvent event) {
        return CODEC.toRecord(topic, "/bothy/partner/" + PartnerEvents.organisation(event), event);
    }

    /** Sends every record, in order, and returns where Kafka put each once it has acknowledged. */
    @SafeVarargs
    static List<RecordMetadata> send(ProducerRecord<String, byte[]>... records) {
        List<RecordMetadata> written = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = RealKafka.producer()) {
            for (ProducerRecord<String, byte[]> record : records) {
                written.add(producer.send(record).get(30, TimeUnit.SECONDS));
            }
            return written;
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test records: " + e.getMessage(), e);
        }
    }
}
