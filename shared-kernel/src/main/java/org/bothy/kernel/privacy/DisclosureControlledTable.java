package org.bothy.kernel.privacy;

import java.util.List;

/**
 * A table of counts after disclosure control: every cell, row total, column total and the grand total, each either
 * shown or suppressed. A suppressed entry carries no count at all, so nothing downstream can leak it by accident.
 */
public record DisclosureControlledTable(List<List<Entry>> cells, List<Entry> rowTotals, List<Entry> columnTotals,
                                        Entry grandTotal) {

    public DisclosureControlledTable {
        cells = cells.stream().map(List::copyOf).toList();
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
    }

    /** The entry at {@code row}, {@code column} of the body of the table. */
    public Entry cell(int row, int column) {
        return cells.get(row).get(column);
    }

    /** Why an entry is hidden, if it is. */
    public enum Suppression {
        /** Shown as it is. */
        NONE,
        /** A small count (1 to threshold - 1), shown as {@code <threshold}. */
        PRIMARY,
        /** Hidden only so that a total cannot reveal a small count next to it; shown as {@code *}. */
        SECONDARY
    }

    /**
     * One published entry: {@code count} is the real count when shown and null when suppressed; {@code shown} is
     * what a reader sees.
     */
    public record Entry(Long count, Suppression suppression, String shown) {

        /** Whether the reader sees the real count. */
        public boolean isShown() {
            return suppression == Suppression.NONE;
        }
    }
}
