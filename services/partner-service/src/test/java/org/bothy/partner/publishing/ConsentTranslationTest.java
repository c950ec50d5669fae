package org.bothy.partner.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.PersonErased;
import org.junit.jupiter.api.Test;

/** Withdrawal and erasure cross the boundary as valid contracts keyed by the pseudonym, and nothing else. */
class ConsentTranslationTest {

    private static final String PSEUDONYM = "b".repeat(64);
    private static final String EVENT_ID = "6a1d8b63-8e1f-4a6c-8e7c-3a5e1c2d0f12";
    private static final Instant AT = Instant.parse("2026-12-10T09:00:00Z");

    private final ConsentTranslation translation = new ConsentTranslation("fresh-start");

    @Test
    void aWithdrawnConsentIsAValidContractUnderThePseudonym() {
        ConsentWithdrawn withdrawn = translation.consentWithdrawn(EVENT_ID, AT, PSEUDONYM);
        assertThat(withdrawn).isEqualTo(new ConsentWithdrawn(EVENT_ID, AT, "fresh-start", PSEUDONYM));

        ProducerRecord<String, byte[]> record = ContractCodec.standard()
                .toRecord("bothy.learning.fresh-start", "/bothy/partner/fresh-start", withdrawn);
        assertThat(record.key()).isEqualTo(PSEUDONYM);
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.bothy.learning.ConsentWithdrawn.v1");
    }

    @Test
    void anErasedPersonIsAValidContractUnderThePseudonym() {
        PersonErased erased = translation.personErased(EVENT_ID, AT, PSEUDONYM);
        ProducerRecord<String, byte[]> record = ContractCodec.standard()
                .toRecord("bothy.learning.fresh-start", "/bothy/partner/fresh-start", erased);
        assertThat(ContractCodec.standard().fromRecord(new org.apache.kafka.clients.consumer.ConsumerRecord<>(
                record.topic(), 0, 0L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0,
                record.key(), record.value(), record.headers(), java.util.Optional.empty()))).isEqualTo(erased);
    }
}
