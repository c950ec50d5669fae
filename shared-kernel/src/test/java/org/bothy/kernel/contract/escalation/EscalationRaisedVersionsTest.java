package org.bothy.kernel.contract.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.contract.ContractJson;
import org.junit.jupiter.api.Test;

/**
 * EscalationRaised carries the people behind the pattern only after disclosure control (v2); a v1 record, with the raw
 * count a v1 writer sent, stays readable. EvidenceAdded v2 may show a count the place hid to protect another.
 */
class EscalationRaisedVersionsTest {

    private static final String EVENT = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b";
    private static final String ESCALATION = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d";
    private final ContractCodec codec = ContractCodec.standard();

    @Test
    void aV2RecordCarriesTheShownCountAndNoNumberBehindIt() throws Exception {
        EscalationRaised raised = new EscalationRaised(EVENT, Instant.parse("2026-11-22T14:00:00Z"), ESCALATION,
                "city-of-edinburgh-council", "debt", "council-revenues", "<5", 2, "Will you pause recovery?",
                LocalDate.parse("2026-12-20"));

        byte[] json = codec.toStructuredJson("/bothy/escalation", raised);
        JsonNode envelope = ContractJson.mapper().readTree(json);

        assertThat(envelope.path("type").asText()).isEqualTo("org.bothy.escalation.EscalationRaised.v2");
        assertThat(envelope.path("dataschema").asText())
                .isEqualTo("https://schemas.bothy.org/contracts/escalation/EscalationRaised.v2.schema.json");
        assertThat(envelope.path("data").path("peopleShown").asText()).isEqualTo("<5");
        assertThat(envelope.path("data").has("people")).isFalse();
        assertThat(codec.fromStructuredJson(json)).isEqualTo(raised);
    }

    @Test
    void aCountHiddenByThePlaceTravelsAsHidden() {
        EscalationRaised raised = new EscalationRaised(EVENT, Instant.parse("2026-11-22T14:00:00Z"), ESCALATION,
                "city-of-edinburgh-council", "debt", "council-revenues", "*", 3, "Will you pause recovery?",
                LocalDate.parse("2026-12-20"));

        assertThat(codec.fromStructuredJson(codec.toStructuredJson("/bothy/escalation", raised))).isEqualTo(raised);
    }

    @Test
    void aShownCountThatIsNotOneIsNotAContract() {
        for (String notShown : new String[] {"3 people", "-1", "<0", "04", ""}) {
            EscalationRaised raised = new EscalationRaised(EVENT, Instant.parse("2026-11-22T14:00:00Z"), ESCALATION,
                    "city-of-edinburgh-council", "debt", "council-revenues", notShown, 2, "Will you pause recovery?",
                    LocalDate.parse("2026-12-20"));

            assertThatThrownBy(() -> codec.toStructuredJson("/bothy/escalation", raised))
                    .as(notShown).isInstanceOf(ContractViolation.class).hasMessageContaining("$.peopleShown");
        }
    }

    @Test
    void aV2PayloadWithARawCountIsRefused() {
        String payload = structured("org.bothy.escalation.EscalationRaised.v2", """
                {"eventId":"%s","occurredAt":"2026-11-22T14:00:00Z","escalationId":"%s","body":"city-of-edinburgh-council",
                 "theme":"debt","systemActor":"council-revenues","people":2,"organisations":2,
                 "question":"Will you pause recovery?","dueBy":"2026-12-20"}""".formatted(EVENT, ESCALATION));

        assertThatThrownBy(() -> codec.fromStructuredJson(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("peopleShown");
    }

    @Test
    void aV1RecordIsReadWithItsCountShownAsItWasSentAtAThresholdOfOne() {
        String payload = structured("org.bothy.escalation.EscalationRaised.v1", """
                {"eventId":"%s","occurredAt":"2026-11-22T14:00:00Z","escalationId":"%s","body":"city-of-edinburgh-council",
                 "theme":"debt","systemActor":"council-revenues","people":2,"organisations":2,
                 "question":"Will you pause recovery?","dueBy":"2026-12-20"}""".formatted(EVENT, ESCALATION));

        EscalationRaised read = (EscalationRaised) codec.fromStructuredJson(payload.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(new EscalationRaised(EVENT, Instant.parse("2026-11-22T14:00:00Z"), ESCALATION,
                "city-of-edinburgh-council", "debt", "council-revenues", "2", 2, "Will you pause recovery?",
                LocalDate.parse("2026-12-20")));
    }

    @Test
    void evidenceAddedIsWrittenAsV2AndMayShowAHiddenCount() throws Exception {
        EvidenceAdded added = new EvidenceAdded("4d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a", Instant.parse("2026-12-05T10:00:02Z"),
                ESCALATION, "city-of-edinburgh-council", "*", 2, Instant.parse("2026-12-05T10:00:00Z"));

        byte[] json = codec.toStructuredJson("/bothy/escalation", added);

        assertThat(ContractJson.mapper().readTree(json).path("type").asText()).isEqualTo("org.bothy.escalation.EvidenceAdded.v2");
        assertThat(codec.fromStructuredJson(json)).isEqualTo(added);
        String v1 = structured("org.bothy.escalation.EvidenceAdded.v1", """
                {"eventId":"4d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a","occurredAt":"2026-12-05T10:00:02Z","escalationId":"%s",
                 "body":"city-of-edinburgh-council","peopleShown":"*","organisations":2,"countedAt":"2026-12-05T10:00:00Z"}"""
                .formatted(ESCALATION));
        assertThatThrownBy(() -> codec.fromStructuredJson(v1.getBytes(StandardCharsets.UTF_8)))
                .as("v1 promised a number or <threshold").hasMessageContaining("$.peopleShown");
    }

    /** A structured CloudEvent as a writer of that version sent it; its id is the payload's eventId. */
    private static String structured(String ceType, String data) {
        String id = data.substring(data.indexOf("\"eventId\":\"") + 11, data.indexOf("\"eventId\":\"") + 47);
        return """
                {"specversion":"1.0","id":"%s","source":"/bothy/escalation","type":"%s","subject":"%s",
                 "datacontenttype":"application/json","data":%s}""".formatted(id, ceType, ESCALATION, data);
    }
}
