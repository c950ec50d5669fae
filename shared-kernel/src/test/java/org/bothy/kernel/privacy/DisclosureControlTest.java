package org.bothy.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Disclosure control against tables worked by hand. In the worked tables {@code <5} is a primary suppression,
 * {@code *} a secondary one, and the last row and column are the totals.
 */
class DisclosureControlTest {

    private final DisclosureControl control = DisclosureControl.standard();

    @Test
    void aSingleCountBelowTheThresholdIsShownAsLessThanItZeroStaysZero() {
        assertThat(control.show(0)).isEqualTo("0");
        assertThat(control.show(1)).isEqualTo("<5");
        assertThat(control.show(4)).isEqualTo("<5");
        assertThat(control.show(5)).isEqualTo("5");
        assertThat(control.show(1234)).isEqualTo("1234");
    }

    @Test
    void aCountAlreadyPublishedIsNeverShownMorePreciselyThanItsPublisherShowedIt() {
        DisclosureControl five = DisclosureControl.standard();
        DisclosureControl ten = new DisclosureControl(10);
        DisclosureControl three = new DisclosureControl(3);

        assertThat(five.show(12, "12")).isEqualTo("12");
        assertThat(ten.show(7, "7")).isEqualTo("<10");
        assertThat(five.show(3, null)).isEqualTo("<5");
        // "<5" is 1 to 4: below 10 as well, but a threshold of 3 may not narrow it to "3" or "4"
        assertThat(five.show(1, "<5")).isEqualTo("<5");
        assertThat(ten.show(1, "<5")).isEqualTo("<10");
        assertThat(three.show(1, "<5")).isEqualTo("<5");
        // hidden to protect another count: 9 is only the fewest it can be, and no number is true of it
        assertThat(five.show(9, "*")).isEqualTo("*");
        assertThatThrownBy(() -> five.show(1, "few")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThresholdIsConfigurable() {
        DisclosureControl ten = new DisclosureControl(10);
        assertThat(ten.show(9)).isEqualTo("<10");
        assertThat(ten.show(10)).isEqualTo("10");
        assertThat(new DisclosureControl(1).show(1)).isEqualTo("1");
        assertThatThrownBy(() -> new DisclosureControl(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> control.show(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSmallCellHidesItsNeighboursUntilEveryLineHidesTwoOrNone() {
        // Given:                       Worked:
        //        A   B   C | tot              A   B   C | tot
        //  r1   12   3  20 |  35        r1    *  <5  20 |  35   3 is small; r1's next smallest is 12
        //  r2    8   9  15 |  32        r2    *   *  15 |  32   column B's next smallest is 9, column A's is 8
        //  r3   10  11   6 |  27        r3   10  11   6 |  27
        //  tot  30  23  41 |  94        tot  30  23  41 |  94
        // Every line now hides 0 or 2: r1 gives A1+B1=15, r2 A2+B2=17, A gives A1+A2=20, B gives B1+B2=12 — rank 3
        // for 4 unknowns, so B1 can be anything from 1 to 4.
        DisclosureControlledTable table = control.protect(new long[][] {{12, 3, 20}, {8, 9, 15}, {10, 11, 6}});
        assertThat(shown(table)).containsExactly(
                List.of("*", "<5", "20", "35"),
                List.of("*", "*", "15", "32"),
                List.of("10", "11", "6", "27"),
                List.of("30", "23", "41", "94"));
        assertThat(table.cell(0, 1).count()).as("a hidden entry carries no count").isNull();
        assertThat(table.cell(0, 0).suppression()).isEqualTo(DisclosureControlledTable.Suppression.SECONDARY);
        assertThat(table.cell(0, 1).suppression()).isEqualTo(DisclosureControlledTable.Suppression.PRIMARY);
        assertThat(table.cell(2, 2).count()).isEqualTo(6L);
    }

    @Test
    void aSmallTotalIsHiddenAndProtectedLikeAnyCell() {
        // Given:                 Worked:
        //        A   B | tot            A   B | tot
        //  r1    2   1 |   3      r1   <5  <5 |  <5    all three small
        //  r2    6   7 |  13      r2    *   * |   *    columns A and B, and the totals column, each had one hidden
        //  tot   8   8 |  16      tot   8   8 |  16
        DisclosureControlledTable table = control.protect(new long[][] {{2, 1}, {6, 7}});
        assertThat(shown(table)).containsExactly(
                List.of("<5", "<5", "<5"),
                List.of("*", "*", "*"),
                List.of("8", "8", "16"));
    }

    @Test
    void zerosAreNeverUsedToProtectAndATotalIsTheLastResort() {
        // Given:                     Worked:
        //        A   B   C | tot            A   B   C | tot
        //  r1    0   4   9 |  13      r1    0  <5   * |  13   4 small; r1's next smallest non-zero is 9
        //  r2    5   6   0 |  11      r2    *   *   0 |  11   column B: 6; then r2 holds one hidden: 5
        //  tot   5  10   9 |  24      tot   *  10   * |  24   column C has only a 0 left, so its total 9 goes;
        //                                                      then the totals row holds one: 5, and column A has two
        // Equations: B1+C1=13, A2+B2=11, B1+B2=10, C1=totC, A2=totA, totA+totC=14: with B1=x all hold for x in 1..4.
        DisclosureControlledTable table = control.protect(new long[][] {{0, 4, 9}, {5, 6, 0}});
        assertThat(shown(table)).containsExactly(
                List.of("0", "<5", "*", "13"),
                List.of("*", "*", "0", "11"),
                List.of("*", "10", "*", "24"));
    }

    @Test
    void aLineWithNothingSmallIsShownAsItIs() {
        // 7 | 12 | 0 | total 19: nothing below 5, nothing hidden.
        DisclosureControlledTable line = control.protect(new long[] {7, 12, 0});
        assertThat(shown(line)).containsExactly(List.of("7", "12", "0", "19"), List.of("7", "12", "0", "19"));
    }

    @Test
    void aLineWithOneSmallCountHidesTheNextSmallest() {
        // 3 | 8 | 20 | total 31  ->  <5 | * | 20 | 31: with 8 shown, 31 - 8 - 20 would give back 3.
        DisclosureControlledTable line = control.protect(new long[] {3, 8, 20});
        assertThat(shown(line).get(0)).containsExactly("<5", "*", "20", "31");
    }

    @Test
    void noHiddenEntryCanBeWorkedOutFromItsLineOnAnyTable() {
        // A sweep of small tables: whatever the counts, no row or column (totals included) hides exactly one entry.
        long[] values = {0, 1, 2, 4, 5, 6, 9, 30};
        for (long a : values) {
            for (long b : values) {
                for (long c : values) {
                    for (long d : values) {
                        DisclosureControlledTable table = control.protect(new long[][] {{a, b, 7}, {c, d, 12}});
                        List<List<String>> grid = shown(table);
                        for (List<String> row : grid) {
                            assertThat(hidden(row)).as("row of %s", grid).isNotEqualTo(1);
                        }
                        for (int column = 0; column < grid.get(0).size(); column++) {
                            int col = column;
                            assertThat(hidden(grid.stream().map(row -> row.get(col)).toList()))
                                    .as("column %d of %s", column, grid).isNotEqualTo(1);
                        }
                    }
                }
            }
        }
    }

    private static long hidden(List<String> line) {
        return line.stream().filter(shown -> shown.equals("<5") || shown.equals("*")).count();
    }

    /** The table as a reader sees it, with the row totals last in each row and the column totals as the last row. */
    private static List<List<String>> shown(DisclosureControlledTable table) {
        List<List<String>> grid = new java.util.ArrayList<>();
        for (int r = 0; r < table.cells().size(); r++) {
            List<String> row = new java.util.ArrayList<>(table.cells().get(r).stream().map(DisclosureControlledTable.Entry::shown).toList());
            row.add(table.rowTotals().get(r).shown());
            grid.add(row);
        }
        List<String> totals = new java.util.ArrayList<>(table.columnTotals().stream().map(DisclosureControlledTable.Entry::shown).toList());
        totals.add(table.grandTotal().shown());
        grid.add(totals);
        return grid;
    }
}
