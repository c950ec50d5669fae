package org.bothy.kernel.contract.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.contract.ContractSchemas;
import org.bothy.kernel.contract.Contracts;
import org.bothy.kernel.topics.Topics;
import org.junit.jupiter.api.Test;

/** Referrals are keyed by the partner they are addressed to, and carry free text only where it was written for sharing. */
class ReferralContractsTest {

    private static final Instant AT = Instant.parse("2026-12-11T10:15:00Z");
    private static final String PSEUDONYM = "3f2a9c1e0b7d4a6f8e5c2b1a0d9f8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f10";
    private static final SealedEnvelope SEALED = new SealedEnvelope(SealedEnvelope.ALGORITHM, "q83vEjRWeJA=",
            "AAECAwQFBgcICQoL", "3q2+7wAREiIz");

    private final ContractCodec codec = ContractCodec.standard();

    @Test
    void aReferralGoesToTheReceiverAndItsAnswersBackToTheReferrer() {
        ReferralMade made = new ReferralMade("6e7f8091-a2b3-4c4d-9e5f-6a7b8c9d0e1f", AT, "r-1", "fresh-start", "move-on",
                PSEUDONYM, "Needs tenancy support.", List.of("housing"), SEALED);
        ReferralAccepted accepted = new ReferralAccepted("7f8091a2-b3c4-4d5e-8f6a-7b8c9d0e1f2a", AT, "r-1", "fresh-start",
                "move-on");
        ReferralDeclined declined = new ReferralDeclined("8091a2b3-c4d5-4e6f-9a7b-8c9d0e1f2a3b", AT, "r-1", "fresh-start",
                "move-on", "Full until March.");

        ProducerRecord<String, byte[]> sent = codec.toRecord(Topics.REFERRALS, "/bothy/partner/fresh-start", made);

        assertThat(sent.key()).isEqualTo("move-on");
        assertThat(accepted.subject()).isEqualTo("fresh-start");
        assertThat(declined.subject()).isEqualTo("fresh-start");
        assertThat(new String(sent.headers().lastHeader("ce_type").value())).isEqualTo("org.bothy.referral.ReferralMade.v1");
    }

    @Test
    void onlyTheReasonsAreSharedText() {
        assertThat(sharedText("ReferralMade")).containsExactly("reason");
        assertThat(sharedText("ReferralDeclined")).containsExactly("reason");
        assertThat(sharedText("ReferralAccepted")).isEmpty();
    }

    @Test
    void sealedDetailsThatAreNotBase64OrAnotherSchemeAreRefused() {
        ReferralMade clear = new ReferralMade("6e7f8091-a2b3-4c4d-9e5f-6a7b8c9d0e1f", AT, "r-1", "fresh-start", "move-on",
                PSEUDONYM, "Needs tenancy support.", List.of("housing", "housing"),
                new SealedEnvelope("none", "q83vEjRWeJA=", "AAECAwQFBgcICQoL", "Morag MacLeod 1984-03-02"));

        assertThatThrownBy(() -> codec.toRecord(Topics.REFERRALS, "/bothy/partner/fresh-start", clear))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("$.sealedDetails.algorithm")
                .hasMessageContaining("$.sealedDetails.ciphertext")
                .hasMessageContaining("$.themes");
    }

    private static List<String> sharedText(String name) {
        JsonNode properties = ContractSchemas.document(Contracts.all().stream()
                .filter(type -> type.name().equals(name)).findFirst().orElseThrow()).path("properties");
        return properties.properties().stream()
                .filter(entry -> entry.getValue().path(ContractSchemas.SHARED_TEXT).asBoolean(false))
                .map(Map.Entry::getKey).toList();
    }
}
