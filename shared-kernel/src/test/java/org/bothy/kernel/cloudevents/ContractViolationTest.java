package org.bothy.kernel.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.junit.jupiter.api.Test;

/** A record that is not a valid contract is refused with a reason fit for a dead-letter header. */
class ContractViolationTest {

    private static final String PSEUDONYM = "fad64817cc7badf430f294168e207aa31d40acfc03dc130895aeed71bcfb6c77";
    private final ContractCodec codec = ContractCodec.standard();

    private static BarrierObserved barrier(int level) {
        return new BarrierObserved("7c9d2e14-3a5b-4c6d-8e7f-9a0b1c2d3e4f", Instant.parse("2026-11-20T09:45:12Z"),
                "fresh-start", PSEUDONYM, "journey-1", "barrier-1", "debt", "council-revenues", level);
    }

    private ProducerRecord<String, byte[]> valid() {
        return codec.toRecord("bothy.learning.fresh-start", "/bothy/partner/fresh-start", barrier(2));
    }

    @Test
    void refusesAnInvalidEventOnTheWayOut() {
        assertThatThrownBy(() -> codec.toRecord("bothy.learning.fresh-start", "/bothy/partner/fresh-start", barrier(4)))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("payload does not match schema https://schemas.bothy.org/contracts/learning/BarrierObserved.v2.schema.json: ")
                .hasMessageContaining("$.level");
    }

    @Test
    void refusesAnUnknownType() {
        ProducerRecord<String, byte[]> record = valid();
        record.headers().remove("ce_type").add("ce_type", "org.bothy.learning.Gossip.v1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.fromRecord(Records.received(record)))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("unknown ce_type 'org.bothy.learning.Gossip.v1'");
    }

    @Test
    void refusesAMissingId() {
        ProducerRecord<String, byte[]> record = valid();
        record.headers().remove("ce_id");

        assertThatThrownBy(() -> codec.fromRecord(Records.received(record)))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("missing ce_id");
    }

    @Test
    void refusesAPayloadThatBreaksTheSchema() {
        ProducerRecord<String, byte[]> good = valid();
        String json = new String(good.value(), StandardCharsets.UTF_8).replace("\"level\":2", "\"level\":7");
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(good.topic(), null, good.key(),
                json.getBytes(StandardCharsets.UTF_8), good.headers());

        assertThatThrownBy(() -> codec.fromRecord(Records.received(bad)))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("payload does not match schema ")
                .hasMessageContaining("$.level")
                .hasMessageContaining("3");
    }

    @Test
    void refusesAPayloadThatIsNotJson() {
        ProducerRecord<String, byte[]> good = valid();
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(good.topic(), null, good.key(),
                "{level: two".getBytes(StandardCharsets.UTF_8), good.headers());

        assertThatThrownBy(() -> codec.fromRecord(Records.received(bad)))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("not JSON: ");
    }

    @Test
    void refusesGarbageWithoutHeaders() {
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>("bothy.learning.fresh-start", 0, 0L, 0L,
                TimestampType.CREATE_TIME, -1, -1, null, new byte[] {0, 1, 2, (byte) 0xff}, new RecordHeaders(), Optional.empty());

        assertThatThrownBy(() -> codec.fromRecord(garbage))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("missing ce_specversion");
    }

    @Test
    void refusesAnIdThatDiffersFromThePayloadsEventId() {
        ProducerRecord<String, byte[]> record = valid();
        record.headers().remove("ce_id").add("ce_id", "11111111-2222-4333-8444-555555555555".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.fromRecord(Records.received(record)))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("ce_id '11111111-2222-4333-8444-555555555555' does not match payload eventId '7c9d2e14-3a5b-4c6d-8e7f-9a0b1c2d3e4f'");
    }

    @Test
    void refusesAKeyThatIsNotTheSubject() {
        ProducerRecord<String, byte[]> good = valid();
        ProducerRecord<String, byte[]> rekeyed = new ProducerRecord<>(good.topic(), null, "someone-else", good.value(), good.headers());

        assertThatThrownBy(() -> codec.fromRecord(Records.received(rekeyed)))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("record key 'someone-else' does not match subject");
    }

    @Test
    void refusesStructuredJsonThatIsNotACloudEvent() {
        assertThatThrownBy(() -> codec.fromStructuredJson("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith("not a structured CloudEvent: ");
    }

    @Test
    void acceptsTheValidRecordItIsComparedWith() {
        assertThat(codec.fromRecord(Records.received(valid()))).isEqualTo(barrier(2));
    }
}
