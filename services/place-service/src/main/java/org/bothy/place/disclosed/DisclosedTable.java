package org.bothy.place.disclosed;

import org.bothy.kernel.privacy.DisclosureControl;
import org.bothy.kernel.privacy.DisclosureControlledTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Counts keyed by a row and a column, laid out as a full table (every row by every column in code order, 0 where
 * nothing was counted), passed through disclosure control, and read back line by line with the totals named
 * {@link #TOTAL}.
 */
final class DisclosedTable {

    /** The name of a total's row or column. */
    static final String TOTAL = "all";

    /** What one shown entry becomes: its row, its column, and what the reader sees. */
    interface Line<T> {
        T of(String row, String column, String shown);
    }

    private DisclosedTable() {
    }

    /** Every entry of the protected table: each row's cells then its total, then the totals row. */
    static <C, T> List<T> protect(List<C> counts, Function<C, String> row, Function<C, String> column,
                                  Function<C, Long> count, DisclosureControl control, Line<T> line) {
        TreeSet<String> rows = new TreeSet<>();
        TreeSet<String> columns = new TreeSet<>();
        Map<List<String>, Long> at = new HashMap<>();
        for (C entry : counts) {
            rows.add(row.apply(entry));
            columns.add(column.apply(entry));
            at.merge(List.of(row.apply(entry), column.apply(entry)), count.apply(entry), Long::sum);
        }
        List<String> rowNames = List.copyOf(rows);
        List<String> columnNames = List.copyOf(columns);
        long[][] cells = new long[rowNames.size()][columnNames.size()];
        for (int r = 0; r < rowNames.size(); r++) {
            for (int c = 0; c < columnNames.size(); c++) {
                cells[r][c] = at.getOrDefault(List.of(rowNames.get(r), columnNames.get(c)), 0L);
            }
        }
        DisclosureControlledTable table = control.protect(cells);
        List<T> shown = new ArrayList<>();
        for (int r = 0; r < rowNames.size(); r++) {
            for (int c = 0; c < columnNames.size(); c++) {
                shown.add(line.of(rowNames.get(r), columnNames.get(c), table.cell(r, c).shown()));
            }
            shown.add(line.of(rowNames.get(r), TOTAL, table.rowTotals().get(r).shown()));
        }
        for (int c = 0; c < columnNames.size(); c++) {
            shown.add(line.of(TOTAL, columnNames.get(c), table.columnTotals().get(c).shown()));
        }
        shown.add(line.of(TOTAL, TOTAL, table.grandTotal().shown()));
        return shown;
    }
}
