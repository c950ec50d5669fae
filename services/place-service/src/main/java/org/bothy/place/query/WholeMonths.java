package org.bothy.place.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A date range split into the whole calendar months it covers, which monthly tallies can answer, and the days of a
 * partial month at either edge, which must be counted from the rows. Either end of the range may be open.
 *
 * @param first the first whole month (its first day), or null when the range has no start
 * @param last  the last whole month (its first day), or null when the range has no end
 * @param edges the partial months' days, each within one month, at most two
 */
public record WholeMonths(LocalDate first, LocalDate last, List<Days> edges) {

    /** Days from {@code from} to {@code to}, both inclusive, within one month. */
    public record Days(LocalDate from, LocalDate to) {

        /** The first day of the month these days lie in. */
        public LocalDate month() {
            return from.withDayOfMonth(1);
        }
    }

    /** Splits the range of {@code filters} ({@code from} and {@code to} inclusive, either may be null). */
    public static WholeMonths of(ViewFilters filters) {
        return of(filters.from(), filters.to());
    }

    /** Splits {@code from} to {@code to}, both inclusive, either null for an open end. */
    public static WholeMonths of(LocalDate from, LocalDate to) {
        List<Days> edges = new ArrayList<>();
        if (from != null && to != null && YearMonth.from(from).equals(YearMonth.from(to))) {
            if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
                return new WholeMonths(from, from, List.of());
            }
            return new WholeMonths(from.withDayOfMonth(1), from.withDayOfMonth(1).minusMonths(1), List.of(new Days(from, to)));
        }
        LocalDate first = null;
        if (from != null) {
            first = from.withDayOfMonth(1);
            if (from.getDayOfMonth() != 1) {
                edges.add(new Days(from, YearMonth.from(from).atEndOfMonth()));
                first = first.plusMonths(1);
            }
        }
        LocalDate last = null;
        if (to != null) {
            last = to.withDayOfMonth(1);
            if (!to.equals(YearMonth.from(to).atEndOfMonth())) {
                edges.add(new Days(last, to));
                last = last.minusMonths(1);
            }
        }
        return new WholeMonths(first, last, List.copyOf(edges));
    }

    /** Whether any whole month lies in the range. */
    public boolean anyWhole() {
        return first == null || last == null || !first.isAfter(last);
    }

    /** Whether the range is exactly one whole month. */
    public boolean oneWholeMonth() {
        return edges.isEmpty() && first != null && first.equals(last);
    }
}
