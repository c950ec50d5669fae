package org.bothy.kernel.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Statistical disclosure control for counts of people shown outside the consortium: a count from 1 to
 * {@code threshold - 1} is shown as {@code "<threshold"} (primary suppression; 0 stays 0), and in a table every row
 * and column, totals included, that would hold exactly one hidden entry has its next smallest non-zero entry hidden
 * as well (secondary suppression, shown as {@code "*"}), repeated until no line has exactly one, so that no total
 * minus the shown entries gives back a hidden count. Totals are the true totals of the unsuppressed data.
 */
public final class DisclosureControl {

    /** The consortium's default: counts below 5 are not shown. */
    public static final int DEFAULT_THRESHOLD = 5;

    /** How a secondarily suppressed entry is shown. */
    public static final String SECONDARY_MARK = "*";

    private final int threshold;

    /** Disclosure control hiding counts from 1 to {@code threshold - 1}; a threshold of 1 hides nothing. */
    public DisclosureControl(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("disclosure threshold must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /** Disclosure control at the consortium's default threshold of 5. */
    public static DisclosureControl standard() {
        return new DisclosureControl(DEFAULT_THRESHOLD);
    }

    /** The smallest count shown as it is (besides 0). */
    public int threshold() {
        return threshold;
    }

    /** Whether {@code count} is too small to show on its own. */
    public boolean isSmall(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count is never negative, was " + count);
        }
        return count > 0 && count < threshold;
    }

    /** One count on its own: {@code "<5"} for 1 to 4 (at the default threshold), otherwise the number. */
    public String show(long count) {
        return isSmall(count) ? smallMark() : Long.toString(count);
    }

    /**
     * A count someone already published after their own disclosure control ({@code "12"}, {@code "<5"}, {@code "*"}),
     * shown under this control too: never more precise than either. A count published as a number is shown as
     * {@link #show(long)} shows {@code count}; {@code "<n"} becomes {@code "<"} the larger of n and this threshold (a
     * count from 1 to n - 1 is also below the larger); {@code "*"} stays {@code "*"}, since no number is true of it.
     * With nothing published (null or blank), {@code count} is shown under this control alone.
     *
     * @param count     the count when published as a number; otherwise the fewest it can be (never shown then)
     * @param published the count as its publisher showed it, or null
     */
    public String show(long count, String published) {
        if (published == null || published.isBlank() || Character.isDigit(published.charAt(0))) {
            return show(count);
        }
        if (published.equals(SECONDARY_MARK)) {
            return SECONDARY_MARK;
        }
        if (published.startsWith("<")) {
            long theirs;
            try {
                theirs = Long.parseLong(published.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a count shown after disclosure control: " + published);
            }
            return "<" + Math.max(theirs, threshold);
        }
        throw new IllegalArgumentException("not a count shown after disclosure control: " + published);
    }

    /** How a small count is shown, e.g. {@code "<5"}. */
    public String smallMark() {
        return "<" + threshold;
    }

    /** One line of counts with its total, as a one-row table. */
    public DisclosureControlledTable protect(long[] line) {
        return protect(new long[][] {line});
    }

    /**
     * The table {@code cells} (rows of equal length) with its row, column and grand totals, after primary and
     * secondary suppression.
     */
    public DisclosureControlledTable protect(long[][] cells) {
        int rows = cells.length;
        int columns = rows == 0 ? 0 : cells[0].length;
        // The table with its margins: row totals in the last column, column totals in the last row.
        long[][] grid = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            if (cells[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + cells[r].length + " cells, not " + columns);
            }
            for (int c = 0; c < columns; c++) {
                long count = cells[r][c];
                isSmall(count);
                grid[r][c] = count;
                grid[r][columns] += count;
                grid[rows][c] += count;
                grid[rows][columns] += count;
            }
        }
        DisclosureControlledTable.Suppression[][] hidden = new DisclosureControlledTable.Suppression[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                hidden[r][c] = isSmall(grid[r][c]) ? DisclosureControlledTable.Suppression.PRIMARY
                        : DisclosureControlledTable.Suppression.NONE;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r <= rows; r++) {
                changed |= completeLine(grid, hidden, rowLine(r, columns));
            }
            for (int c = 0; c <= columns; c++) {
                changed |= completeLine(grid, hidden, columnLine(c, rows));
            }
        }
        List<List<DisclosureControlledTable.Entry>> body = new ArrayList<>(rows);
        List<DisclosureControlledTable.Entry> rowTotals = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<DisclosureControlledTable.Entry> row = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                row.add(entry(grid[r][c], hidden[r][c]));
            }
            body.add(row);
            rowTotals.add(entry(grid[r][columns], hidden[r][columns]));
        }
        List<DisclosureControlledTable.Entry> columnTotals = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            columnTotals.add(entry(grid[rows][c], hidden[rows][c]));
        }
        return new DisclosureControlledTable(body, rowTotals, columnTotals, entry(grid[rows][columns], hidden[rows][columns]));
    }

    /**
     * If exactly one entry of {@code line} is hidden, hides the smallest non-zero shown entry of its body (or, if the
     * body has none, the line's total, which is last). Returns whether anything was hidden.
     */
    private static boolean completeLine(long[][] grid, DisclosureControlledTable.Suppression[][] hidden, int[][] line) {
        int hiddenCount = 0;
        for (int[] at : line) {
            if (hidden[at[0]][at[1]] != DisclosureControlledTable.Suppression.NONE) {
                hiddenCount++;
            }
        }
        if (hiddenCount != 1) {
            return false;
        }
        int[] chosen = null;
        for (int i = 0; i < line.length; i++) {
            int[] at = line[i];
            long count = grid[at[0]][at[1]];
            boolean isTotal = i == line.length - 1;
            if (hidden[at[0]][at[1]] != DisclosureControlledTable.Suppression.NONE || count == 0) {
                continue;
            }
            // The total is only a last resort: hiding a body cell keeps the margins readable.
            if (chosen == null || (!isTotal && count < grid[chosen[0]][chosen[1]])) {
                chosen = at;
            }
        }
        // A hidden entry is never 0, so its line always holds another non-zero entry (its total or a body cell).
        hidden[chosen[0]][chosen[1]] = DisclosureControlledTable.Suppression.SECONDARY;
        return true;
    }

    private static int[][] rowLine(int row, int columns) {
        int[][] line = new int[columns + 1][];
        for (int c = 0; c <= columns; c++) {
            line[c] = new int[] {row, c};
        }
        return line;
    }

    private static int[][] columnLine(int column, int rows) {
        int[][] line = new int[rows + 1][];
        for (int r = 0; r <= rows; r++) {
            line[r] = new int[] {r, column};
        }
        return line;
    }

    private DisclosureControlledTable.Entry entry(long count, DisclosureControlledTable.Suppression suppression) {
        return switch (suppression) {
            case NONE -> new DisclosureControlledTable.Entry(count, suppression, Long.toString(count));
            case PRIMARY -> new DisclosureControlledTable.Entry(null, suppression, smallMark());
            case SECONDARY -> new DisclosureControlledTable.Entry(null, suppression, SECONDARY_MARK);
        };
    }
}
