package org.bothy.kernel.contract.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.ContractReader;

/**
 * Upcasts an EvidenceSignal v1 payload: v1 carried raw counts, which its reader saw in full, so they are read as
 * counts shown as they are at a threshold of 1 (nothing hidden); v1 had no learning.
 */
public final class EvidenceSignalV1Reader implements ContractReader {

    @Override
    public ContractEvent read(JsonNode payload) throws IOException {
        List<WindowCount> windows = new ArrayList<>();
        for (JsonNode window : payload.path("windows")) {
            windows.add(new WindowCount(window.path("days").asInt(), DisclosedCount.of(window.path("people").asLong()),
                    DisclosedCount.of(window.path("organisations").asLong())));
        }
        return new EvidenceSignal(payload.path("eventId").asText(), instant(payload, "occurredAt"),
                payload.path("patternKey").asText(), payload.path("theme").asText(), payload.path("systemActor").asText(),
                1, DisclosedCount.of(payload.path("people").asLong()), DisclosedCount.of(payload.path("organisations").asLong()),
                windows, instant(payload, "firstSeen"), instant(payload, "lastSeen"), List.of());
    }

    static java.time.Instant instant(JsonNode payload, String field) throws IOException {
        JsonNode value = payload.path(field);
        return value.isMissingNode() || value.isNull() ? null
                : ContractJson.mapper().treeToValue(value, java.time.Instant.class);
    }
}
