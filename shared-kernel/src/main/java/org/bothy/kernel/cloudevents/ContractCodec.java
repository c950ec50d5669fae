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
        Headers headers = record.headers();
        if (!isStructured(headers)) {
            requireHeader(headers, "ce_specversion");
            requireHeader(headers, "ce_id");
            requireHeader(headers, "ce_type");
            requireHeader(headers, "ce_source");
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new ContractViolation("not a CloudEvent: " + e.getMessage(), e);
        }
        ContractEvent event = fromCloudEvent(cloudEvent);
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
        if (cloudEvent.getId() == null || cloudEvent.getId().isBlank()) {
            throw new ContractViolation("missing ce_id");
        }
        ContractType type = registry.forCeType(cloudEvent.getType())
                .orElseThrow(() -> new ContractViolation("unknown ce_type '" + cloudEvent.getType() + "'"));
        String contentType = cloudEvent.getDataContentType();
        if (contentType != null && !contentType.toLowerCase().startsWith(JSON)) {
            throw new ContractViolation("unsupported content type '" + contentType + "' for " + type.ceType() + "; expected " + JSON);
        }
        if (cloudEvent.getData() == null) {
            throw new ContractViolation("missing data for " + type.ceType());
        }
        JsonNode payload = parse(cloudEvent.getData().toBytes());
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
        if (!cloudEvent.getId().equals(event.eventId())) {
            throw new ContractViolation("ce_id '" + cloudEvent.getId() + "' does not match payload eventId '" + event.eventId() + "'");
        }
        if (cloudEvent.getSubject() != null && !cloudEvent.getSubject().equals(event.subject())) {
            throw new ContractViolation("ce_subject '" + cloudEvent.getSubject() + "' does not match payload subject '" + event.subject() + "'");
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

    private static void requireHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new ContractViolation("missing " + name);
        }
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
