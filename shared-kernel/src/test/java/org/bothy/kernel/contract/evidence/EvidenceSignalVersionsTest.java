package org.bothy.kernel.contract.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.cloudevents.Records;
import org.junit.jupiter.api.Test;

/** Evidence signals gained disclosure-controlled counts and shared learning (v2); v1 records stay readable. */
class EvidenceSignalVersionsTest {

    private static final String EVENT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private final ContractCodec codec = ContractCodec.standard();

    @Test
    void aV1SignalIsReadAsCountsShownInFullAtAThresholdOfOne() {
        String v1 = """
                {"eventId":"%s","occurredAt":"2026-11-21T10:00:00Z","patternKey":"debt:council-revenues",
                 "theme":"debt","systemActor":"council-revenues","people":2,"organisations":2,
                 "windows":[{"days":90,"people":2,"organisations":1}],
                 "firstSeen":"2026-11-20T09:45:12.500Z","lastSeen":"2026-11-21T09:59:58Z"}""".formatted(EVENT);

        EvidenceSignal read = (EvidenceSignal) codec.fromRecord(received("org.bothy.evidence.EvidenceSignal.v1", v1));

        assertThat(read.disclosureThreshold()).isEqualTo(1);
        assertThat(read.people()).isEqualTo(new DisclosedCount("2", 2));
        assertThat(read.windows()).containsExactly(new WindowCount(90, DisclosedCount.of(2), DisclosedCount.of(1)));
        assertThat(read.learning()).isEmpty();
        assertThat(read.peopleAtLeast(90)).isEqualTo(2);
    }

    @Test
    void aV1IssueSignalIsReadWithItsRealCountsNotItsShownOnes() {
        String v1 = """
                {"eventId":"%s","occurredAt":"2026-11-20T10:00:00Z","issueKey":"issue:move-on:issue-42",
                 "organisation":"move-on","issueId":"issue-42","revision":3,"level":3,"status":"open","owner":"team",
                 "themes":["housing"],"systemActors":["council-housing"],"people":4,"peopleShown":"<5","organisations":2,
                 "windows":[{"days":30,"people":3,"peopleShown":"<5","organisations":1}],"firstSeen":null,"lastSeen":null}"""
                .formatted(EVENT);

        IssueSignal read = (IssueSignal) codec.fromRecord(received("org.bothy.evidence.IssueSignal.v1", "issue:move-on:issue-42", v1));

        assertThat(read.people()).isEqualTo(DisclosedCount.of(4));
        assertThat(read.windows()).containsExactly(new IssueWindow(30, DisclosedCount.of(3), DisclosedCount.of(1)));
        assertThat(read.disclosureThreshold()).isEqualTo(1);
    }

    @Test
    void aV2SignalCarriesNoValueForAHiddenCountAndIsWrittenAsV2() {
        List<DisclosedCount> people = new CountDisclosure(5).nested(3, 9, 11, 14);
        EvidenceSignal signal = new EvidenceSignal(EVENT, Instant.parse("2026-11-21T10:00:00Z"), "debt:council-revenues",
                "debt", "council-revenues", 5, people.get(3), DisclosedCount.of(3),
                List.of(new WindowCount(30, people.get(0), DisclosedCount.of(2)),
                        new WindowCount(90, people.get(1), DisclosedCount.of(3)),
                        new WindowCount(365, people.get(2), DisclosedCount.of(3))),
                Instant.parse("2025-06-02T09:45:12Z"), Instant.parse("2026-11-21T09:59:58Z"),
                List.of(new SharedLearning("fresh-start", LocalDate.parse("2026-11-18"), "Asking in writing worked.")));

        ProducerRecord<String, byte[]> sent = codec.toRecord("bothy.place.evidence", "/bothy/place", signal);
        String json = new String(sent.value(), StandardCharsets.UTF_8);

        assertThat(new String(sent.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.bothy.evidence.EvidenceSignal.v2");
        assertThat(json).contains("{\"days\":30,\"people\":{\"shown\":\"<5\"}")
                .contains("{\"days\":365,\"people\":{\"shown\":\"*\"}")
                .doesNotContain("\"value\":11").doesNotContain("\"value\":null");
        assertThat(codec.fromRecord(received("org.bothy.evidence.EvidenceSignal.v2", json))).isEqualTo(signal);
        // What a rule may count on: 3 is only "<5"; the year's 11 is only "at least the 9 shown for 90 days".
        assertThat(signal.peopleAtLeast(30)).isEqualTo(1);
        assertThat(signal.peopleAtLeast(365)).isEqualTo(9);
        assertThat(signal.peopleAtLeast(7)).isEqualTo(14);
    }

    @Test
    void aHiddenCountWithAValueOrAShownCountWithoutOneIsNotAContract() {
        String payload = """
                {"eventId":"%s","occurredAt":"2026-11-21T10:00:00Z","patternKey":"debt:council-revenues",
                 "theme":"debt","systemActor":"council-revenues","disclosureThreshold":5,
                 "people":{"shown":"<5","value":3},"organisations":{"shown":"2"},"windows":[],
                 "firstSeen":"2026-11-20T09:45:12Z","lastSeen":"2026-11-21T09:59:58Z","learning":[]}""".formatted(EVENT);

        assertThatThrownBy(() -> codec.fromRecord(received("org.bothy.evidence.EvidenceSignal.v2", payload)))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("$.people")
                .hasMessageContaining("$.organisations");
        assertThatThrownBy(() -> new DisclosedCount("12", 11)).hasMessageContaining("shown as itself");
        assertThatThrownBy(() -> new DisclosedCount("7", null)).hasMessageContaining("<threshold or *");
    }

    private static ConsumerRecord<String, byte[]> received(String ceType, String payload) {
        return received(ceType, "debt:council-revenues", payload);
    }

    private static ConsumerRecord<String, byte[]> received(String ceType, String key, String payload) {
        return Records.received("bothy.place.evidence", key, "/bothy/place", EVENT, ceType, payload);
    }
}
