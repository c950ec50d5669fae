package org.bothy.kernel.contract.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.ContractReader;

/** Upcasts a BarrierObserved v1 payload: v1 had no day of meeting, so it is the UTC date the barrier was recorded. */
public final class BarrierObservedV1Reader implements ContractReader {

    @Override
    public ContractEvent read(JsonNode payload) throws IOException {
        ObjectNode v2 = payload.deepCopy();
        // The v1 schema has already checked occurredAt is an RFC 3339 date-time.
        v2.put("observedOn", BarrierObserved.dayOf(Instant.parse(payload.path("occurredAt").asText())).toString());
        return ContractJson.mapper().treeToValue(v2, BarrierObserved.class);
    }
}
