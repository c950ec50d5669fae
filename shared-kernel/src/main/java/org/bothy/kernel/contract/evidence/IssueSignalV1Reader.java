package org.bothy.kernel.contract.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractReader;

/**
 * Upcasts an IssueSignal v1 payload: v1 carried the real count of people beside {@code peopleShown}, and its reader
 * saw both, so the real counts are read as shown in full at a threshold of 1 (nothing hidden).
 */
public final class IssueSignalV1Reader implements ContractReader {

    @Override
    public ContractEvent read(JsonNode payload) throws IOException {
        List<IssueWindow> windows = new ArrayList<>();
        for (JsonNode window : payload.path("windows")) {
            windows.add(new IssueWindow(window.path("days").asInt(), DisclosedCount.of(window.path("people").asLong()),
                    DisclosedCount.of(window.path("organisations").asLong())));
        }
        return new IssueSignal(payload.path("eventId").asText(), EvidenceSignalV1Reader.instant(payload, "occurredAt"),
                payload.path("issueKey").asText(), payload.path("organisation").asText(), payload.path("issueId").asText(),
                payload.path("revision").asInt(), payload.path("level").asInt(), payload.path("status").asText(),
                payload.path("owner").asText(), codes(payload.path("themes")), codes(payload.path("systemActors")), 1,
                DisclosedCount.of(payload.path("people").asLong()), DisclosedCount.of(payload.path("organisations").asLong()),
                windows, EvidenceSignalV1Reader.instant(payload, "firstSeen"), EvidenceSignalV1Reader.instant(payload, "lastSeen"));
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(code -> codes.add(code.asText()));
        return codes;
    }
}
