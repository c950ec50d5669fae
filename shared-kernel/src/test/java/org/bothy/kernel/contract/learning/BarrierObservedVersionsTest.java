package org.bothy.kernel.contract.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.Records;
import org.junit.jupiter.api.Test;

/** BarrierObserved gained the day the barrier was met (v2); records a v1 writer sent stay readable. */
class BarrierObservedVersionsTest {

    private static final String PSEUDONYM = "3f2a9c1e0b7d4a6f8e5c2b1a0d9f8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f10";
    private final ContractCodec codec = ContractCodec.standard();

    @Test
    void aV1RecordIsReadAsMetOnTheUtcDayItWasRecorded() {
        // 00:30 in +01:00 is still the 20th in UTC: the day is taken in UTC, not in the writer's offset.
        String v1 = """
                {"eventId":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","occurredAt":"2026-11-21T00:30:00+01:00",
                 "organisation":"move-on","pseudonym":"%s","journeyId":"j-7","barrierId":"b-9",
                 "theme":"housing","systemActor":"council-housing","level":3}""".formatted(PSEUDONYM);

        BarrierObserved read = (BarrierObserved) codec.fromRecord(received("org.bothy.learning.BarrierObserved.v1", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", v1));

        assertThat(read).isEqualTo(new BarrierObserved("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                Instant.parse("2026-11-20T23:30:00Z"), "move-on", PSEUDONYM, "j-7", "b-9", "housing", "council-housing", 3,
                LocalDate.parse("2026-11-20")));
    }

    @Test
    void aV2RecordKeepsTheDayTheBarrierWasMet() {
        String v2 = """
                {"eventId":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e","occurredAt":"2026-11-20T09:00:00Z",
                 "organisation":"move-on","pseudonym":"%s","journeyId":"j-7","barrierId":"b-10",
                 "theme":"debt","systemActor":"council-revenues","level":2,"observedOn":"2026-10-02"}""".formatted(PSEUDONYM);

        BarrierObserved read = (BarrierObserved) codec.fromRecord(received("org.bothy.learning.BarrierObserved.v2", "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", v2));

        assertThat(read.observedOn()).isEqualTo(LocalDate.parse("2026-10-02"));
        assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
    }

    @Test
    void theV1ConstructorMeansMetOnTheDayRecordedAndIsWrittenAsV2() {
        BarrierObserved observed = new BarrierObserved("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
                Instant.parse("2026-11-20T23:59:59Z"), "fresh-start", PSEUDONYM, "j-1", "b-1", "debt", "council-revenues", 2);

        ProducerRecord<String, byte[]> sent = codec.toRecord("bothy.learning.fresh-start", "/bothy/partner/fresh-start", observed);

        assertThat(observed.observedOn()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(new String(sent.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.bothy.learning.BarrierObserved.v2");
        assertThat(new String(sent.value(), StandardCharsets.UTF_8)).contains("\"observedOn\":\"2026-11-20\"");
    }

    private static ConsumerRecord<String, byte[]> received(String ceType, String eventId, String payload) {
        return Records.received("bothy.learning.move-on", PSEUDONYM, "/bothy/partner/move-on", eventId, ceType, payload);
    }
}
