package org.bothy.place.query;

import org.bothy.place.query.WholeMonths.Days;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A date range splits into the whole months monthly tallies answer and the partial months' days at its edges. */
class WholeMonthsTest {

    @Test
    void oneWholeMonthIsThatMonthAlone() {
        WholeMonths february = WholeMonths.of(day("2024-02-01"), day("2024-02-29"));
        assertThat(february).isEqualTo(new WholeMonths(day("2024-02-01"), day("2024-02-01"), List.of()));
        assertThat(february.oneWholeMonth()).isTrue();
        assertThat(february.anyWhole()).isTrue();
    }

    @Test
    void daysWithinOneMonthAreAnEdgeWithNoWholeMonth() {
        WholeMonths days = WholeMonths.of(day("2023-02-01"), day("2023-02-27"));
        assertThat(days.edges()).containsExactly(new Days(day("2023-02-01"), day("2023-02-27")));
        assertThat(days.anyWhole()).isFalse();
        assertThat(days.oneWholeMonth()).isFalse();
        assertThat(days.edges().get(0).month()).isEqualTo(day("2023-02-01"));
    }

    @Test
    void midMonthEndsLeaveTheirDaysAsEdgesAndTheMonthsBetweenWhole() {
        WholeMonths quarter = WholeMonths.of(day("2025-01-15"), day("2025-04-14"));
        assertThat(quarter.first()).isEqualTo(day("2025-02-01"));
        assertThat(quarter.last()).isEqualTo(day("2025-03-01"));
        assertThat(quarter.edges()).containsExactly(new Days(day("2025-01-15"), day("2025-01-31")),
                new Days(day("2025-04-01"), day("2025-04-14")));
        assertThat(quarter.oneWholeMonth()).isFalse();
    }

    @Test
    void adjacentEdgesAcrossAMonthsEndHaveNoWholeMonthBetween() {
        WholeMonths turn = WholeMonths.of(day("2023-01-31"), day("2023-02-01"));
        assertThat(turn.anyWhole()).isFalse();
        assertThat(turn.edges()).containsExactly(new Days(day("2023-01-31"), day("2023-01-31")),
                new Days(day("2023-02-01"), day("2023-02-01")));
    }

    @Test
    void anOpenEndTakesEveryMonthThatWay() {
        WholeMonths untilMid = WholeMonths.of(null, day("2023-03-14"));
        assertThat(untilMid.first()).isNull();
        assertThat(untilMid.last()).isEqualTo(day("2023-02-01"));
        assertThat(untilMid.edges()).containsExactly(new Days(day("2023-03-01"), day("2023-03-14")));
        assertThat(untilMid.anyWhole()).isTrue();

        WholeMonths fromFirst = WholeMonths.of(day("2023-03-01"), null);
        assertThat(fromFirst).isEqualTo(new WholeMonths(day("2023-03-01"), null, List.of()));
        assertThat(fromFirst.oneWholeMonth()).isFalse();
        assertThat(WholeMonths.of(null, null)).isEqualTo(new WholeMonths(null, null, List.of()));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
