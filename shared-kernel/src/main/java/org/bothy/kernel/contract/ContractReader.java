package org.bothy.kernel.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/** Turns a schema-valid payload of one contract version into the current record (for an older version: an upcast). */
@FunctionalInterface
public interface ContractReader {

    /** Reads the payload; it has already been validated against this version's schema. */
    ContractEvent read(JsonNode payload) throws IOException;

    /** A reader for a version whose payload is exactly the record's fields. */
    static ContractReader as(Class<? extends ContractEvent> recordType) {
        // A reader bound to the type once: treeToValue would look the type and its deserializer up on every payload.
        ObjectReader reader = ContractJson.mapper().readerFor(recordType);
        return payload -> reader.readValue(payload);
    }
}
