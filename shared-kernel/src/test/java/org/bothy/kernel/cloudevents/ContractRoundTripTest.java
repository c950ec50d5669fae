package org.bothy.kernel.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.ContractSchemas;
import org.bothy.kernel.contract.ContractType;
import org.bothy.kernel.contract.Contracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every contract's example matches its schema and survives both CloudEvents mappings unchanged; the example of every
 * older version is still read, as the current record.
 */
class ContractRoundTripTest {

    private final ContractCodec codec = ContractCodec.standard();

    static List<ContractType> contracts() {
        return Contracts.all();
    }

    /** The versions records are written as. */
    static List<ContractType> currentContracts() {
        return Contracts.all().stream().filter(type -> Contracts.current(type.recordType()).equals(type)).toList();
    }

    /** The versions only read now: an older writer may still have put them on a topic. */
    static List<ContractType> olderContracts() {
        return Contracts.all().stream().filter(type -> !Contracts.current(type.recordType()).equals(type)).toList();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void exampleMatchesItsSchema(ContractType type) throws IOException {
        assertThat(ContractSchemas.problems(type, example(type))).isEmpty();
        assertThat(ContractSchemas.document(type).path("$id").asText()).isEqualTo(type.dataSchema().toString());
        assertThat(ContractSchemas.document(type).path("additionalProperties").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("currentContracts")
    void schemaNamesExactlyTheRecordsFieldsAndRequiresThemAll(ContractType type) {
        List<String> components = Arrays.stream(type.recordType().getRecordComponents()).map(RecordComponent::getName).toList();
        JsonNode schema = ContractSchemas.document(type);
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));

        assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
        assertThat(required).containsExactlyInAnyOrderElementsOf(components);
    }

    @ParameterizedTest
    @MethodSource("currentContracts")
    void exampleRoundTripsThroughBinaryModeKafkaRecords(ContractType type) throws IOException {
        ContractEvent event = type.reader().read(example(type));

        ProducerRecord<String, byte[]> sent = codec.toRecord("bothy.test", "/bothy/test", event);

        assertThat(sent.topic()).isEqualTo("bothy.test");
        assertThat(sent.key()).isEqualTo(event.subject());
        assertThat(header(sent, "ce_id")).isEqualTo(event.eventId());
        assertThat(header(sent, "ce_type")).isEqualTo(type.ceType());
        assertThat(header(sent, "ce_source")).isEqualTo("/bothy/test");
        assertThat(header(sent, "ce_subject")).isEqualTo(event.subject());
        assertThat(header(sent, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(sent, "ce_dataschema")).isEqualTo(type.dataSchema().toString());
        assertThat(header(sent, "content-type")).isEqualTo("application/json");
        assertThat(java.time.OffsetDateTime.parse(header(sent, "ce_time")).toInstant()).isEqualTo(event.occurredAt());
        assertThat(ContractJson.mapper().readTree(sent.value())).isEqualTo(example(type));

        assertThat(codec.fromRecord(Records.received(sent))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("currentContracts")
    void exampleRoundTripsThroughStructuredJson(ContractType type) throws IOException {
        ContractEvent event = type.reader().read(example(type));

        byte[] json = codec.toStructuredJson("/bothy/escalation", event);

        JsonNode envelope = ContractJson.mapper().readTree(json);
        assertThat(envelope.path("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.path("id").asText()).isEqualTo(event.eventId());
        assertThat(envelope.path("type").asText()).isEqualTo(type.ceType());
        assertThat(envelope.path("subject").asText()).isEqualTo(event.subject());
        assertThat(envelope.path("dataschema").asText()).isEqualTo(type.dataSchema().toString());
        assertThat(envelope.path("data")).isEqualTo(example(type));
        assertThat(codec.fromStructuredJson(json)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("olderContracts")
    void olderExampleIsReadFromAKafkaRecordAndRewrittenAsTheCurrentVersion(ContractType type) throws IOException {
        ProducerRecord<String, byte[]> sent = asSentBy(type, example(type));

        ContractEvent event = codec.fromRecord(Records.received(sent));

        assertThat(event).isInstanceOf(type.recordType()).isEqualTo(type.reader().read(example(type)));
        ContractType current = Contracts.current(type.recordType());
        assertThat(current.version()).isGreaterThan(type.version());
        ProducerRecord<String, byte[]> rewritten = codec.toRecord("bothy.test", "/bothy/test", event);
        assertThat(header(rewritten, "ce_type")).isEqualTo(current.ceType());
        assertThat(ContractSchemas.problems(current, ContractJson.mapper().readTree(rewritten.value()))).isEmpty();
    }

    /** A binary-mode record as a writer of that (older) version sent it: its ce_type, its payload bytes. */
    static ProducerRecord<String, byte[]> asSentBy(ContractType type, JsonNode payload) throws IOException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("bothy.test", type.reader().read(payload).subject(),
                ContractJson.mapper().writeValueAsBytes(payload));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(payload.path("eventId").asText()))
                .add("ce_type", bytes(type.ceType()))
                .add("ce_source", bytes("/bothy/partner/fresh-start"))
                .add("ce_time", bytes(payload.path("occurredAt").asText()))
                .add("ce_dataschema", bytes(type.dataSchema().toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode example(ContractType type) throws IOException {
        try (InputStream in = ContractRoundTripTest.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            assertThat(in).as("example %s", type.exampleResource()).isNotNull();
            return ContractJson.mapper().readTree(in);
        }
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
