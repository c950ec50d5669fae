package org.bothy.partner.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.partner.journey.BarrierRecorded;
import org.junit.jupiter.api.Test;

/** The translation shares the pseudonym and the codes, and keeps the private note at home. */
class LearningTranslationTest {

    private static final String PSEUDONYM = "a".repeat(64);
    private static final String EVENT_ID = "5f0c7a52-7d0e-4f5b-9d6b-2f4d0b1c9e01";
    private static final Instant AT = Instant.parse("2026-03-02T10:15:30Z");

    private final LearningTranslation translation = new LearningTranslation("fresh-start");

    @Test
    void aRecordedBarrierBecomesAnObservationWithoutItsNote() {
        BarrierObserved observed = translation.barrierObserved(EVENT_ID, AT, new BarrierRecorded("j-1", PSEUDONYM,
                "b-1", "housing", "council-housing", 2, "slept on her sister's floor for a month"));

        assertThat(observed).isEqualTo(new BarrierObserved(EVENT_ID, AT, "fresh-start", PSEUDONYM, "j-1", "b-1",
                "housing", "council-housing", 2));

        ProducerRecord<String, byte[]> record = ContractCodec.standard()
                .toRecord("bothy.learning.fresh-start", "/bothy/partner/fresh-start", observed);
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(record.key()).isEqualTo(PSEUDONYM);
        assertThat(payload).doesNotContain("sister").doesNotContain("note");
    }

    @Test
    void anOpenedJourneyBecomesTheContractUnderTheSameEventId() {
        JourneyOpened opened = translation.journeyOpened(EVENT_ID, AT,
                new org.bothy.partner.journey.JourneyOpened("j-1", PSEUDONYM, "drop-in"));

        assertThat(opened).isEqualTo(new JourneyOpened(EVENT_ID, AT, "fresh-start", PSEUDONYM, "j-1", "drop-in"));
        assertThat(new String(ContractCodec.standard()
                .toRecord("bothy.learning.fresh-start", "/bothy/partner/fresh-start", opened)
                .headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo(EVENT_ID);
    }

    @Test
    void aContactCrossesWithItsKindMinutesAndSpendButNotWhatTheMoneyWasFor() {
        var contact = translation.contactRecorded(EVENT_ID, AT, new org.bothy.partner.journey.contact.ContactRecorded(
                "j-1", PSEUDONYM, "k-1", "visit", java.time.LocalDate.of(2026, 3, 2), 40, 1500, "bus fare"));

        assertThat(contact).isEqualTo(new org.bothy.kernel.contract.learning.ContactRecorded(EVENT_ID, AT,
                "fresh-start", PSEUDONYM, "j-1", "k-1", "visit", 40, 1500));
        assertThat(payload(contact)).doesNotContain("bus fare");
    }

    @Test
    void aScoreCrossesWithItsDimension() {
        assertThat(translation.softMeasureScored(EVENT_ID, AT, new org.bothy.partner.journey.measure.SoftMeasureScored(
                "j-1", PSEUDONYM, "m-1", "confidence", 7, java.time.LocalDate.of(2026, 3, 2))))
                .isEqualTo(new org.bothy.kernel.contract.learning.SoftMeasureScored(EVENT_ID, AT, "fresh-start",
                        PSEUDONYM, "j-1", "confidence", 7));
    }

    @Test
    void aConcludedExperimentCrossesWithOnlyTheSummaryWrittenForSharing() {
        var concluded = translation.experimentConcluded(EVENT_ID, AT,
                new org.bothy.partner.journey.experiment.ExperimentConcluded("j-1", PSEUDONYM, "e-1", "debt",
                        "arrears frozen for Kirsty", "she needed a witness", "A joint call froze arrears"));

        assertThat(concluded).isEqualTo(new org.bothy.kernel.contract.learning.ExperimentConcluded(EVENT_ID, AT,
                "fresh-start", PSEUDONYM, "j-1", "e-1", "debt", "A joint call froze arrears"));
        assertThat(payload(concluded)).doesNotContain("Kirsty").doesNotContain("witness");
    }

    @Test
    void aClosureCrossesWithoutThePersonsWords() {
        var closed = translation.journeyClosed(EVENT_ID, AT,
                new org.bothy.partner.journey.JourneyClosed("j-1", PSEUDONYM, "I can cope now"));

        assertThat(closed).isEqualTo(new org.bothy.kernel.contract.learning.JourneyClosed(EVENT_ID, AT,
                "fresh-start", PSEUDONYM, "j-1"));
        assertThat(payload(closed)).doesNotContain("cope");
    }

    @Test
    void aBarrierCrossesWithTheDayItWasMet() {
        BarrierObserved observed = translation.barrierObserved(EVENT_ID, AT, new BarrierRecorded("j-1", PSEUDONYM,
                "b-1", "housing", "council-housing", 2, "note", java.time.LocalDate.of(2026, 2, 20)));

        assertThat(observed.observedOn()).isEqualTo(java.time.LocalDate.of(2026, 2, 20));
    }

    private static String payload(org.bothy.kernel.contract.ContractEvent contract) {
        return new String(ContractCodec.standard().toRecord("bothy.learning.fresh-start",
                "/bothy/partner/fresh-start", contract).value(), StandardCharsets.UTF_8);
    }
}
