package org.bothy.kernel.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.ContractRegistry;
import org.bothy.kernel.contract.ContractSchemas;
import org.bothy.kernel.contract.ContractType;
import org.bothy.kernel.contract.Contracts;

/**
 * Maps contracts to and from CloudEvents 1.0: binary mode on Kafka records, structured JSON for statutory
 * feeds and webhooks. Every payload is checked against its schema on the way out (fail fast) and on the
 * way in; anything that is not a valid contract raises {@link ContractViolation} with the reason.
 */
public final class ContractCodec {

    /** Content type of a contract payload. */
    public static final String JSON = "application/json";
    /** Content type of a structured CloudEvent in JSON. */
    public static final String STRUCTURED_JSON = JsonFormat.CONTENT_TYPE;

    private static final byte[] STRUCTURED_PREFIX = "application/cloudevents".getBytes(StandardCharsets.US_ASCII);
    private static final ContractCodec STANDARD = new ContractCodec(Contracts.registry());

    private final EventFormat structured = new JsonFormat();
    private final ContractRegistry registry;

    private ContractCodec(ContractRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The codec for every contract in {@link Contracts}. */
    public static ContractCodec standard() {
        return STANDARD;
    }

    /** A codec for another set of contract versions (e.g. to try out a v2 before it is registered in {@link Contracts}). */
    public static ContractCodec using(ContractRegistry registry) {
        return new ContractCodec(registry);
    }

    /** A binary-mode Kafka record for the event, keyed by its subject, with ce_* headers. */
    public ProducerRecord<String, byte[]> toRecord(String topic, String source, ContractEvent event) {
        requireText(topic, "topic");
        CloudEvent cloudEvent = toCloudEvent(source, event);
        return KafkaMessageFactory.<String>createWriter(topic, event.subject()).writeBinary(cloudEvent);
    }

    /** The contract carried by a binary-mode (or structured-mode) Kafka record. */
    public ContractEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        if (record == null) {
            throw new ContractViolation("no record");
        }
        ContractEvent event;
        if (isStructured(record.headers())) {
            event = fromCloudEvent(throughSdk(record));
        } else {
            BinaryHeaders headers = BinaryHeaders.of(record.headers());
            headers.requirePresent();
            // Every record a partner writes is plain: read from the headers themselves, without the SDK's objects
            // (its strings, URIs and parsed time, which nothing here keeps). Anything else the SDK reads, as it always did.
            event = headers.plain() ? fromPlainBinary(headers, record.value()) : fromCloudEvent(throughSdk(record));
        }
        if (record.key() != null && !record.key().equals(event.subject())) {
            throw new ContractViolation("record key '" + record.key() + "' does not match subject '" + event.subject() + "'");
        }
        return event;
    }

    /** The event as a structured CloudEvent in JSON ({@code application/cloudevents+json}). */
    public byte[] toStructuredJson(String source, ContractEvent event) {
        return structured.serialize(toCloudEvent(source, event));
    }

    /** The contract carried by a structured CloudEvent in JSON. */
    public ContractEvent fromStructuredJson(byte[] json) {
        if (json == null || json.length == 0) {
            throw new ContractViolation("empty body");
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = structured.deserialize(json);
        } catch (RuntimeException e) {
            throw new ContractViolation("not a structured CloudEvent: " + rootMessage(e), e);
        }
        return fromCloudEvent(cloudEvent);
    }

    /** The CloudEvent for a contract, after checking its payload against the schema. */
    public CloudEvent toCloudEvent(String source, ContractEvent event) {
        requireText(source, "source");
        Objects.requireNonNull(event, "event");
        ContractType type = registry.current(event.getClass());
        JsonNode payload = ContractJson.mapper().valueToTree(event);
        List<String> problems = ContractSchemas.problems(type, payload);
        if (!problems.isEmpty()) {
            throw new ContractViolation(schemaMismatch(type, problems));
        }
        byte[] data;
        try {
            data = ContractJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new ContractViolation("cannot write " + type.ceType() + ": " + e.getOriginalMessage(), e);
        }
        return CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(URI.create(source))
                .withType(type.ceType())
                .withSubject(event.subject())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataSchema(type.dataSchema())
                .withDataContentType(JSON)
                .withData(data)
                .build();
    }

    /** The contract carried by a CloudEvent, checked against its schema, ce_id and ce_subject. */
    public ContractEvent fromCloudEvent(CloudEvent cloudEvent) {
        ContractType type = typeOf(cloudEvent.getId(), cloudEvent.getType(), cloudEvent.getDataContentType());
        if (cloudEvent.getData() == null) {
            throw missingData(type);
        }
        return read(type, cloudEvent.getData().toBytes(), cloudEvent.getId(), cloudEvent.getSubject());
    }

    /** The same checks as {@link #fromCloudEvent}, on a plain binary record's attributes and data. */
    private ContractEvent fromPlainBinary(BinaryHeaders headers, byte[] data) {
        String id = headers.id();
        ContractType type = typeOf(id, headers.type(), headers.contentType());
        // The SDK gives a record with an empty value no data.
        if (data == null || data.length == 0) {
            throw missingData(type);
        }
        return read(type, data, id, headers.subject());
    }

    private static CloudEvent throughSdk(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new ContractViolation("not a CloudEvent: " + e.getMessage(), e);
        }
    }

    private ContractType typeOf(String id, String ceType, String contentType) {
        if (id == null || id.isBlank()) {
            throw new ContractViolation("missing ce_id");
        }
        ContractType type = registry.forCeType(ceType)
                .orElseThrow(() -> new ContractViolation("unknown ce_type '" + ceType + "'"));
        if (contentType != null && !contentType.toLowerCase().startsWith(JSON)) {
            throw new ContractViolation("unsupported content type '" + contentType + "' for " + type.ceType() + "; expected " + JSON);
        }
        return type;
    }

    private static ContractViolation missingData(ContractType type) {
        return new ContractViolation("missing data for " + type.ceType());
    }

    private static ContractEvent read(ContractType type, byte[] data, String id, String subject) {
        JsonNode payload = parse(data);
        List<String> problems = ContractSchemas.problems(type, payload);
        if (!problems.isEmpty()) {
            throw new ContractViolation(schemaMismatch(type, problems));
        }
        ContractEvent event;
        try {
            event = type.reader().read(payload);
        } catch (IOException | RuntimeException e) {
            throw new ContractViolation("payload cannot be read as " + type.ceType() + ": " + rootMessage(e), e);
        }
        if (!id.equals(event.eventId())) {
            throw new ContractViolation("ce_id '" + id + "' does not match payload eventId '" + event.eventId() + "'");
        }
        if (subject != null && !subject.equals(event.subject())) {
            throw new ContractViolation("ce_subject '" + subject + "' does not match payload subject '" + event.subject() + "'");
        }
        return event;
    }

    private static JsonNode parse(byte[] data) {
        try {
            JsonNode node = ContractJson.mapper().readTree(data);
            if (node == null || node.isMissingNode()) {
                throw new ContractViolation("not JSON: empty payload");
            }
            return node;
        } catch (IOException e) {
            throw new ContractViolation("not JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static String schemaMismatch(ContractType type, List<String> problems) {
        return "payload does not match schema " + type.dataSchema() + ": " + String.join("; ", problems);
    }

    private static boolean isStructured(Headers headers) {
        Header contentType = headers.lastHeader("content-type");
        // Compared as bytes: the header is read on every record, and a prefix of ASCII needs no decoding.
        return contentType != null && startsWith(contentType.value(), STRUCTURED_PREFIX);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(String.valueOf(root.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
