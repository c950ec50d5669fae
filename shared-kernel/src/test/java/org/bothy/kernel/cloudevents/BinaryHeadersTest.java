package org.bothy.kernel.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractType;
import org.bothy.kernel.contract.Contracts;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec reads a binary record's headers itself, and reads the same as it did through the CloudEvents SDK: a valid
 * record becomes the same contract, and a record the SDK refused is refused with the same reason.
 */
class BinaryHeadersTest {

    private static final String PSEUDONYM = "fad64817cc7badf430f294168e207aa31d40acfc03dc130895aeed71bcfb6c77";
    private static final ContractCodec CODEC = ContractCodec.standard();

    private static ProducerRecord<String, byte[]> valid() {
        return CODEC.toRecord("bothy.learning.fresh-start", "/bothy/partner/fresh-start",
                new BarrierObserved("7c9d2e14-3a5b-4c6d-8e7f-9a0b1c2d3e4f", Instant.parse("2026-11-20T09:45:12.123456Z"),
                        "fresh-start", PSEUDONYM, "journey-1", "barrier-1", "debt", "council-revenues", 2));
    }

    /** Every variant of a valid record's headers that a writer, a bug or a hostile producer could send. */
    static Stream<Arguments> variants() {
        Map<String, Consumer<RecordHeaders>> variants = new LinkedHashMap<>();
        variants.put("as published", headers -> { });
        for (String time : List.of("2025-01-01T00:00:00Z", "2025-01-01T00:00:00.5Z", "2025-01-01T00:00:00.123456789Z",
                "2025-01-01T00:00:00.1234567890Z", "2025-01-01T00:00:00.Z", "2025-01-01T00:00Z", "2025-01-01t00:00:00z",
                "2025-01-01T00:00:00+01:00", "2025-01-01T00:00:00-00:00", "2025-01-01T00:00:00+18:00",
                "2025-01-01T00:00:00+19:00", "2025-01-01T00:00:00", "2024-02-29T12:00:00Z", "2025-02-29T12:00:00Z",
                "2000-02-29T12:00:00Z", "1900-02-29T12:00:00Z", "0000-02-29T00:00:00Z", "2025-04-31T00:00:00Z",
                "2025-13-01T00:00:00Z", "2025-00-01T00:00:00Z", "2025-01-00T00:00:00Z", "2025-01-32T00:00:00Z",
                "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z", "2025-01-01T23:59:60Z", "2025-01-01 00:00:00Z",
                "+2025-01-01T00:00:00Z", "20250101T000000Z", "2025-1-01T00:00:00Z", "2025-01-01T00:00:0aZ",
                "2025-01-01T00:00:00.12a4Z", "yesterday", "", "2025-01-01T00:00:00Z ", "２０２５-01-01T00:00:00Z")) {
            variants.put("ce_time " + time, headers -> replace(headers, "ce_time", time));
        }
        for (String source : List.of("/bothy/partner/move-on", "https://bothy.org/partner", "urn:bothy:partner", "",
                "//", "has space", "%zz", "/bothy/ü", "a:b", ":", "http://[::1", "#")) {
            variants.put("ce_source " + source, headers -> replace(headers, "ce_source", source));
        }
        for (String schema : List.of("https://schemas.bothy.org/contracts/learning/BarrierObserved.v1.schema.json",
                "https://elsewhere.example/schema.json", "", "not a uri", "http://[::1")) {
            variants.put("ce_dataschema " + schema, headers -> replace(headers, "ce_dataschema", schema));
        }
        for (String version : List.of("0.3", "1.1", "2.0", "1.0 ", "v1.0", "")) {
            variants.put("ce_specversion " + version, headers -> replace(headers, "ce_specversion", version));
        }
        for (String contentType : List.of("application/json; charset=utf-8", "APPLICATION/JSON", "application/jsonx",
                "text/plain", "", "application/cloudevents+json", "application/xml")) {
            variants.put("content-type " + contentType, headers -> replace(headers, "content-type", contentType));
        }
        for (String name : List.of("ce_time", "ce_dataschema", "ce_subject", "content-type", "ce_id", "ce_type",
                "ce_source", "ce_specversion")) {
            variants.put("without " + name, headers -> headers.remove(name));
            variants.put(name + " with no value", headers -> {
                headers.remove(name);
                headers.add(new RecordHeader(name, (byte[]) null));
            });
        }
        variants.put("ce_subject of someone else", headers -> replace(headers, "ce_subject", "someone-else"));
        variants.put("ce_subject empty", headers -> replace(headers, "ce_subject", ""));
        variants.put("ce_id of another event", headers -> replace(headers, "ce_id", "11111111-2222-4333-8444-555555555555"));
        variants.put("ce_id blank", headers -> replace(headers, "ce_id", "   "));
        variants.put("ce_type older version", headers -> replace(headers, "ce_type", "org.bothy.learning.BarrierObserved.v1"));
        variants.put("ce_type unknown", headers -> replace(headers, "ce_type", "org.bothy.learning.Gossip.v1"));
        variants.put("an extension", headers -> headers.add("ce_traceparent", bytes("00-abc-def-01")));
        variants.put("an extension with a bad name", headers -> headers.add("ce_trace-parent", bytes("x")));
        variants.put("an extension with no value", headers -> headers.add(new RecordHeader("ce_partitionkey", (byte[]) null)));
        variants.put("an attribute in capitals", headers -> headers.add("ce_SUBJECT", bytes("someone-else")));
        variants.put("ce_ alone", headers -> headers.add("ce_", bytes("x")));
        variants.put("a header of another kind", headers -> headers.add("traceparent", bytes("00-abc-def-01")));
        variants.put("CE_ID in capitals", headers -> headers.add("CE_ID", bytes("11111111-2222-4333-8444-555555555555")));
        variants.put("ce_id twice, the last the payload's", headers -> {
            Header id = headers.lastHeader("ce_id");
            headers.remove("ce_id");
            headers.add("ce_id", bytes("11111111-2222-4333-8444-555555555555"));
            headers.add(id);
        });
        variants.put("ce_id twice, the first the payload's", headers -> headers.add("ce_id",
                bytes("11111111-2222-4333-8444-555555555555")));
        variants.put("content-type twice", headers -> headers.add("content-type", bytes("application/json")));
        variants.put("ce_time twice", headers -> headers.add("ce_time", bytes("yesterday")));
        variants.put("ce_specversion twice", headers -> headers.add("ce_specversion", bytes("1.0")));
        return variants.entrySet().stream().map(variant -> Arguments.of(variant.getKey(), variant.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void readsEachVariantAsTheSdkPathDid(String variant, Consumer<RecordHeaders> change) {
        ProducerRecord<String, byte[]> sent = valid();
        RecordHeaders headers = new RecordHeaders(sent.headers().toArray());
        change.accept(headers);
        ConsumerRecord<String, byte[]> received = received(sent.key(), sent.value(), headers);

        assertThat(outcome(() -> CODEC.fromRecord(received))).isEqualTo(outcome(() -> throughTheSdk(received)));
    }

    @Test
    void readsEveryContractVersionsExampleAsTheSdkPathDid() throws IOException {
        List<String> read = new ArrayList<>();
        for (ContractType type : Contracts.all()) {
            ProducerRecord<String, byte[]> sent = ContractRoundTripTest.asSentBy(type, ContractRoundTripTest.example(type));
            ConsumerRecord<String, byte[]> received = received(sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()));
            assertThat(BinaryHeaders.of(received.headers()).plain()).as(type.ceType()).isTrue();

            Outcome outcome = outcome(() -> CODEC.fromRecord(received));
            assertThat(outcome).as(type.ceType()).isEqualTo(outcome(() -> throughTheSdk(received)));
            read.add(outcome.kind());
        }
        assertThat(read).hasSize(Contracts.all().size()).containsOnly("read");
    }

    @Test
    void readsTheRecordsAPublisherWritesFromTheHeadersThemselves() {
        assertThat(BinaryHeaders.of(valid().headers()).plain()).isTrue();
    }

    @Test
    void leavesAnythingUnusualToTheSdk() {
        RecordHeaders extension = new RecordHeaders(valid().headers().toArray());
        extension.add("ce_traceparent", bytes("00-abc-def-01"));
        RecordHeaders offset = new RecordHeaders(valid().headers().toArray());
        replace(offset, "ce_time", "2025-01-01T01:00:00+01:00");

        assertThat(BinaryHeaders.of(extension).plain()).isFalse();
        // Not spelt as a publisher writes it, but valid: read from the headers after OffsetDateTime has judged it.
        assertThat(BinaryHeaders.of(offset).plain()).isTrue();
    }

    @Test
    void refusesEachMalformedHeaderWithAClearReason() {
        assertThat(refusal(headers -> replace(headers, "ce_time", "2025-02-29T12:00:00Z")))
                .startsWith("not a CloudEvent: ").contains("time").contains("2025-02-29T12:00:00Z");
        assertThat(refusal(headers -> replace(headers, "ce_source", "has space")))
                .startsWith("not a CloudEvent: ").contains("source");
        assertThat(refusal(headers -> replace(headers, "ce_dataschema", "not a uri")))
                .startsWith("not a CloudEvent: ").contains("dataschema");
        assertThat(refusal(headers -> replace(headers, "ce_specversion", "2.0")))
                .startsWith("not a CloudEvent: ").contains("2.0");
        assertThat(refusal(headers -> replace(headers, "content-type", "text/plain")))
                .isEqualTo("unsupported content type 'text/plain' for org.bothy.learning.BarrierObserved.v2; expected application/json");
        assertThat(refusal(headers -> headers.remove("ce_source"))).isEqualTo("missing ce_source");
        assertThat(refusal(headers -> replace(headers, "ce_specversion", ""))).isEqualTo("missing ce_specversion");
        assertThat(refusal(headers -> replace(headers, "ce_subject", "someone-else")))
                .isEqualTo("ce_subject 'someone-else' does not match payload subject '" + PSEUDONYM + "'");
    }

    @Test
    void refusesARecordWithNoValueAsMissingItsData() {
        ProducerRecord<String, byte[]> sent = valid();
        ConsumerRecord<String, byte[]> empty = received(sent.key(), new byte[0], new RecordHeaders(sent.headers().toArray()));
        ConsumerRecord<String, byte[]> none = received(sent.key(), null, new RecordHeaders(sent.headers().toArray()));

        for (ConsumerRecord<String, byte[]> record : List.of(empty, none)) {
            assertThat(outcome(() -> CODEC.fromRecord(record)))
                    .isEqualTo(new Outcome("refused", "missing data for org.bothy.learning.BarrierObserved.v2"))
                    .isEqualTo(outcome(() -> throughTheSdk(record)));
        }
    }

    private static String refusal(Consumer<RecordHeaders> change) {
        ProducerRecord<String, byte[]> sent = valid();
        RecordHeaders headers = new RecordHeaders(sent.headers().toArray());
        change.accept(headers);
        ConsumerRecord<String, byte[]> received = received(sent.key(), sent.value(), headers);
        Outcome outcome = outcome(() -> CODEC.fromRecord(received));
        assertThat(outcome.kind()).isEqualTo("refused");
        assertThat(outcome).isEqualTo(outcome(() -> throughTheSdk(received)));
        return (String) outcome.detail();
    }

    /**
     * How the codec read every binary record before it read the headers itself: the four headers it requires, then the
     * CloudEvents SDK's reader, then the contract from the CloudEvent.
     */
    private static ContractEvent throughTheSdk(ConsumerRecord<String, byte[]> record) {
        Header contentType = record.headers().lastHeader("content-type");
        boolean structured = contentType != null && new String(contentType.value(), StandardCharsets.UTF_8)
                .startsWith("application/cloudevents");
        if (!structured) {
            for (String name : List.of("ce_specversion", "ce_id", "ce_type", "ce_source")) {
                Header header = record.headers().lastHeader(name);
                if (header == null || header.value() == null || header.value().length == 0) {
                    throw new ContractViolation("missing " + name);
                }
            }
        }
        io.cloudevents.CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new ContractViolation("not a CloudEvent: " + e.getMessage(), e);
        }
        ContractEvent event = CODEC.fromCloudEvent(cloudEvent);
        if (record.key() != null && !record.key().equals(event.subject())) {
            throw new ContractViolation("record key '" + record.key() + "' does not match subject '" + event.subject() + "'");
        }
        return event;
    }

    /** What reading a record came to: the contract read, the reason it was refused, or what else was thrown. */
    private record Outcome(String kind, Object detail) {
    }

    private static Outcome outcome(java.util.function.Supplier<ContractEvent> read) {
        try {
            return new Outcome("read", read.get());
        } catch (ContractViolation refused) {
            return new Outcome("refused", refused.getMessage());
        } catch (RuntimeException other) {
            return new Outcome("threw", other.getClass().getName());
        }
    }

    private static ConsumerRecord<String, byte[]> received(String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("bothy.learning.fresh-start", 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                headers, Optional.empty());
    }

    private static void replace(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
