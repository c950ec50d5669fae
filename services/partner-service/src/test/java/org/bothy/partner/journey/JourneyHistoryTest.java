package org.bothy.partner.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The worker's view of a journey is its events folded in order. */
class JourneyHistoryTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-03-02T10:30:00Z");
    private static final Instant CLOSED = Instant.parse("2026-04-01T09:00:00Z");

    @Test
    void aJourneyThatWasNeverOpenedHasNoView() {
        assertThat(new JourneyHistory().view()).isEmpty();
    }

    @Test
    void theViewShowsTheDoorTheBarriersWithTheirNotesAndTheClosure() {
        JourneyView view = new JourneyHistory()
                .apply(new JourneyOpened("j-1", "p", "drop-in"), OPENED)
                .apply(new BarrierRecorded("j-1", "p", "b-1", "debt", "council-revenues", 1, "council tax arrears"),
                        RECORDED)
                .apply(new JourneyClosed("j-1"), CLOSED)
                .view().orElseThrow();

        assertThat(view.journeyId()).isEqualTo("j-1");
        assertThat(view.door()).isEqualTo("drop-in");
        assertThat(view.openedAt()).isEqualTo(OPENED);
        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.closedAt()).isEqualTo(CLOSED);
        assertThat(view.barriers()).containsExactly(new JourneyView.Barrier("b-1", "debt", "council-revenues", 1,
                "council tax arrears", RECORDED));
    }

    @Test
    void anOpenJourneySaysSo() {
        JourneyView view = new JourneyHistory().apply(new JourneyOpened("j-1", "p", "drop-in"), OPENED)
                .view().orElseThrow();
        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.closedAt()).isNull();
        assertThat(view.barriers()).isEmpty();
    }

    @Test
    void theViewHoldsEverySliceTheCostAndTheVersion() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        JourneyView view = new JourneyHistory()
                .apply(new JourneyOpened("j-1", "p", "drop-in"), OPENED)
                .apply(new org.bothy.partner.journey.matters.WhatMattersRecorded("j-1", "my flat"), RECORDED)
                .apply(new org.bothy.partner.journey.matters.WhatMattersRecorded("j-1", "my flat and my boy"), RECORDED)
                .apply(new org.bothy.partner.journey.experiment.ExperimentStarted("j-1", "e-1", "debt", "q", "a",
                        "d", "s", "c"), RECORDED)
                .apply(new org.bothy.partner.journey.experiment.ExperimentConcluded("j-1", "p", "e-1", "debt", "o",
                        "l", "summary"), CLOSED)
                .apply(new org.bothy.partner.journey.contact.ContactRecorded("j-1", "p", "k-1", "visit", day, 90,
                        1500, "bus"), RECORDED)
                .apply(new org.bothy.partner.journey.measure.SoftMeasureScored("j-1", "p", "m-1", "hope", 6, day),
                        RECORDED)
                .apply(new JourneyClosed("j-1", "p", "I can cope"), CLOSED)
                .view().orElseThrow();

        assertThat(view.version()).isEqualTo(7);
        assertThat(view.whatMatters()).isEqualTo("my flat and my boy");
        assertThat(view.experiments()).singleElement().satisfies(experiment -> {
            assertThat(experiment.learningSummary()).isEqualTo("summary");
            assertThat(experiment.concludedAt()).isEqualTo(CLOSED);
        });
        assertThat(view.cost().summary()).isEqualTo("£15.00, 1 visit, 1 h 30 min");
        assertThat(view.softMeasures()).singleElement().satisfies(score -> assertThat(score.score()).isEqualTo(6));
        assertThat(view.closingWords()).isEqualTo("I can cope");
    }
}
