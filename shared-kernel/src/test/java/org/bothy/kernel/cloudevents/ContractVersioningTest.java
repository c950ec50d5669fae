package org.bothy.kernel.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractReader;
import org.bothy.kernel.contract.ContractRegistry;
import org.bothy.kernel.contract.ContractType;
import org.junit.jupiter.api.Test;

/** A contract can gain a v2 while records of v1 stay on the topics: new readers read both, writers write v2. */
class ContractVersioningTest {

    /** The contract as it was: one theme, short field names. */
    record ReferralV1(String eventId, Instant occurredAt, String referralId, String from, String to, String theme)
            implements ContractEvent {
        @Override
        public String subject() {
            return to;
        }
    }

    /** The contract as it is now: several themes, clearer names. */
    record Referral(String eventId, Instant occurredAt, String referralId, String fromOrganisation,
                    String toOrganisation, List<String> themes) implements ContractEvent {
        @Override
        public String subject() {
            return toOrganisation;
        }
    }

    private static final ContractRegistry YESTERDAY = ContractRegistry.of(List.of(
            new ContractType("trial", "Referral", 1, ReferralV1.class, ContractReader.as(ReferralV1.class))));

    private static final ContractRegistry TODAY = ContractRegistry.of(List.of(
            new ContractType("trial", "Referral", 1, Referral.class, payload -> new Referral(
                    payload.path("eventId").asText(),
                    Instant.parse(payload.path("occurredAt").asText()),
                    payload.path("referralId").asText(),
                    payload.path("from").asText(),
                    payload.path("to").asText(),
                    List.of(payload.path("theme").asText()))),
            new ContractType("trial", "Referral", 2, Referral.class, ContractReader.as(Referral.class))));

    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aNewReaderUpcastsRecordsAnOldWriterSent() {
        ReferralV1 old = new ReferralV1("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", AT, "ref-1", "fresh-start", "move-on", "housing");
        ProducerRecord<String, byte[]> sent = ContractCodec.using(YESTERDAY).toRecord("bothy.referrals", "/bothy/partner/fresh-start", old);

        assertThat(new String(sent.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.bothy.trial.Referral.v1");
        assertThat(ContractCodec.using(TODAY).fromRecord(Records.received(sent))).isEqualTo(
                new Referral(old.eventId(), AT, "ref-1", "fresh-start", "move-on", List.of("housing")));
    }

    @Test
    void aNewWriterWritesTheNewestVersionAndReadsItBack() {
        Referral referral = new Referral("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", AT, "ref-2", "move-on", "spartans",
                List.of("social-isolation", "employment"));
        ProducerRecord<String, byte[]> sent = ContractCodec.using(TODAY).toRecord("bothy.referrals", "/bothy/partner/move-on", referral);

        assertThat(new String(sent.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.bothy.trial.Referral.v2");
        assertThat(new String(sent.headers().lastHeader("ce_dataschema").value(), StandardCharsets.UTF_8))
                .isEqualTo("https://schemas.bothy.org/contracts/trial/Referral.v2.schema.json");
        assertThat(ContractCodec.using(TODAY).fromRecord(Records.received(sent))).isEqualTo(referral);
    }

    @Test
    void anOldReaderRefusesTheNewVersionPlainly() {
        Referral referral = new Referral("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", AT, "ref-3", "move-on", "spartans", List.of("family"));
        ProducerRecord<String, byte[]> sent = ContractCodec.using(TODAY).toRecord("bothy.referrals", "/bothy/partner/move-on", referral);

        assertThatThrownBy(() -> ContractCodec.using(YESTERDAY).fromRecord(Records.received(sent)))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("unknown ce_type 'org.bothy.trial.Referral.v2'");
    }
}
