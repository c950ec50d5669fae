package org.bothy.kernel.contract.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.ContractReader;

/**
 * Upcasts an EscalationRaised v1 payload: v1 carried the raw count of people, which its reader saw in full, so it is
 * read as shown as it was sent (disclosure control at a threshold of 1, nothing hidden), as the evidence signals' v1
 * readers do. It does not make the number safe to show again: a service showing it onwards applies its own control.
 */
public final class EscalationRaisedV1Reader implements ContractReader {

    @Override
    public ContractEvent read(JsonNode payload) throws IOException {
        ObjectNode v2 = payload.deepCopy();
        // The v1 schema has already checked people is a non-negative integer.
        v2.put("peopleShown", Long.toString(payload.path("people").asLong()));
        v2.remove("people");
        return ContractJson.mapper().treeToValue(v2, EscalationRaised.class);
    }
}
