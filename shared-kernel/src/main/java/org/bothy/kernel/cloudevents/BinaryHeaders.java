package org.bothy.kernel.cloudevents;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents attributes of a binary-mode Kafka record, read from its headers in one pass. A record whose headers
 * are plain (spec version 1.0; no extension; no header twice; content type JSON or none; a time, source and dataschema
 * that are valid as the CloudEvents SDK judges them) is read from here; any other is read through the SDK, so that it
 * is accepted or refused exactly as the SDK reads it.
 */
final class BinaryHeaders {

    private static final String[] REQUIRED = {"ce_specversion", "ce_id", "ce_type", "ce_source"};
    private static final int SPEC_VERSION = 0;
    private static final int ID = 1;
    private static final int TYPE = 2;
    private static final int SOURCE = 3;
    private static final int SUBJECT = 4;
    private static final int TIME = 5;
    private static final int DATA_SCHEMA = 6;
    private static final int CONTENT_TYPE = 7;

    private static final byte[] VERSION_1 = "1.0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON = ContractCodec.JSON.getBytes(StandardCharsets.US_ASCII);

    // Sources and dataschemas repeat on every record (one per partner, one per contract version): once java.net.URI
    // has read one, it is not read again. Bounded, so that hostile records cannot grow it.
    private static final int KNOWN_URIS_AT_MOST = 1024;
    private static final Set<String> KNOWN_URIS = ConcurrentHashMap.newKeySet();

    private final byte[][] values = new byte[8][];
    private final boolean[] present = new boolean[8];
    private boolean unusual;

    private BinaryHeaders() {
    }

    /** The attributes in {@code headers}; the last header of a name counts, as {@code Headers.lastHeader} finds it. */
    static BinaryHeaders of(Headers headers) {
        BinaryHeaders read = new BinaryHeaders();
        for (Header header : headers) {
            String key = header.key();
            int slot = slot(key);
            if (slot >= 0) {
                read.unusual |= read.present[slot];
                read.present[slot] = true;
                read.values[slot] = header.value();
            } else if (key.startsWith("ce_")) {
                // An extension, or an attribute spelt in another case: the SDK's to judge.
                read.unusual = true;
            }
        }
        return read;
    }

    /** Refuses a record without a spec version, id, type or source, in that order, as the codec always has. */
    void requirePresent() {
        for (int slot = SPEC_VERSION; slot <= SOURCE; slot++) {
            if (values[slot] == null || values[slot].length == 0) {
                throw new ContractViolation("missing " + REQUIRED[slot]);
            }
        }
    }

    /** Whether the attributes can be taken from here rather than through the SDK; call after {@link #requirePresent}. */
    boolean plain() {
        if (unusual || !Arrays.equals(values[SPEC_VERSION], VERSION_1)) {
            return false;
        }
        if (present[CONTENT_TYPE] && !Arrays.equals(values[CONTENT_TYPE], JSON)) {
            return false;
        }
        if (present[SUBJECT] && values[SUBJECT] == null) {
            return false;
        }
        if (present[TIME] && (values[TIME] == null || !validTime(values[TIME]))) {
            return false;
        }
        if (present[DATA_SCHEMA] && (values[DATA_SCHEMA] == null || !validUri(values[DATA_SCHEMA]))) {
            return false;
        }
        return validUri(values[SOURCE]);
    }

    String id() {
        return text(ID);
    }

    String type() {
        return text(TYPE);
    }

    String subject() {
        return text(SUBJECT);
    }

    /** The content type of a plain record's data: JSON, or none given. */
    String contentType() {
        return present[CONTENT_TYPE] ? ContractCodec.JSON : null;
    }

    private String text(int slot) {
        byte[] value = values[slot];
        // As the SDK decodes every header.
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static int slot(String key) {
        return switch (key) {
            case "ce_specversion" -> SPEC_VERSION;
            case "ce_id" -> ID;
            case "ce_type" -> TYPE;
            case "ce_source" -> SOURCE;
            case "ce_subject" -> SUBJECT;
            case "ce_time" -> TIME;
            case "ce_dataschema" -> DATA_SCHEMA;
            case "content-type" -> CONTENT_TYPE;
            default -> -1;
        };
    }

    private static boolean validTime(byte[] value) {
        if (PlainTime.valid(value)) {
            return true;
        }
        try {
            // What the SDK parses ce_time with, for any spelling PlainTime does not vouch for.
            OffsetDateTime.parse(new String(value, StandardCharsets.UTF_8));
            return true;
        } catch (DateTimeParseException invalid) {
            return false;
        }
    }

    private static boolean validUri(byte[] value) {
        String uri = new String(value, StandardCharsets.UTF_8);
        if (KNOWN_URIS.contains(uri)) {
            return true;
        }
        try {
            // What the SDK reads ce_source and ce_dataschema with.
            new URI(uri);
        } catch (URISyntaxException invalid) {
            return false;
        }
        if (KNOWN_URIS.size() < KNOWN_URIS_AT_MOST) {
            KNOWN_URIS.add(uri);
        }
        return true;
    }
}
