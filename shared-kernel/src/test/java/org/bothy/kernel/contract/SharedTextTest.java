package org.bothy.kernel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No private note crosses the boundary: every free-text property of every contract is marked as written for sharing,
 * and no contract has a property named like a note or a personal detail.
 */
class SharedTextTest {

    static List<ContractType> contracts() {
        return Contracts.all();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyContractKeepsTheSharingRules(ContractType type) {
        assertThat(SharingRules.breaches(ContractSchemas.document(type))).isEmpty();
    }

    @Test
    void theSharedTextOfTheConsortiumIsWhereTheContractsSayItIs() {
        assertThat(sharedTextProperties("IssuePublished", 1)).containsExactly("description", "countermeasure", "systemChange");
        assertThat(sharedTextProperties("ExperimentConcluded", 1)).containsExactly("learningSummary");
        assertThat(sharedTextProperties("LearningCyclePublished", 1)).containsExactly("question", "patterns", "learningForOtherScales");
        assertThat(sharedTextProperties("Lm3Reported", 1)).containsExactly("projectName");
        assertThat(sharedTextProperties("BarrierObserved", 2)).isEmpty();
    }

    @Test
    void aPrivateNoteOrUnmarkedFreeTextIsCaught() throws Exception {
        JsonNode schema = ContractJson.mapper().readTree("""
                {"type": "object", "properties": {
                  "note": {"type": "string", "maxLength": 10},
                  "dateOfBirth": {"type": "string", "format": "date"},
                  "barrierNote": {"type": ["string", "null"], "description": "Written for sharing: x", "x-bothy-shared-text": true, "maxLength": 9},
                  "door": {"type": "string", "pattern": "^[a-z]+$", "x-bothy-shared-text": true},
                  "summary": {"type": "string", "description": "Written for sharing: what was learnt.", "x-bothy-shared-text": true},
                  "contacts": {"type": "array", "items": {"type": "object", "properties": {"Contact": {"type": "integer"}}}}
                }}""");

        assertThat(SharingRules.breaches(schema)).containsExactlyInAnyOrder(
                "$.note: named like a private note or personal detail",
                "$.note: free text without \"x-bothy-shared-text\": true",
                "$.note: free text whose description does not begin \"Written for sharing: \"",
                "$.dateOfBirth: named like a private note or personal detail",
                "$.barrierNote: named like a private note or personal detail",
                "$.door: marked as shared text but is not free text",
                "$.summary: free text without a maxLength",
                "$.contacts[].Contact: named like a private note or personal detail");
    }

    private static List<String> sharedTextProperties(String name, int version) {
        ContractType type = Contracts.all().stream()
                .filter(each -> each.name().equals(name) && each.version() == version)
                .findFirst().orElseThrow();
        JsonNode properties = ContractSchemas.document(type).path("properties");
        return properties.properties().stream()
                .filter(entry -> entry.getValue().path(ContractSchemas.SHARED_TEXT).asBoolean(false))
                .map(Map.Entry::getKey)
                .toList();
    }
}
