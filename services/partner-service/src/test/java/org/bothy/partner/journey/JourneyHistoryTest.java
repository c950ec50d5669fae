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
}
