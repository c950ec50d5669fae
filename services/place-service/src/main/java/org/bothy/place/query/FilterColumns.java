package org.bothy.place.query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a view keeps what the filters apply to: its time, organisation, theme and system actor columns. A view
 * without theme or system-actor columns (reach, cost) names its person and organisation columns instead, and is
 * narrowed to the people whom that organisation saw meet a matching barrier.
 */
public record FilterColumns(String time, boolean day, String organisation, String theme, String systemActor,
                            String person) {

    /** A view with its own theme and system-actor columns, its time a {@code timestamptz} column. */
    public static FilterColumns coded(String time, String organisation, String theme, String systemActor) {
        return new FilterColumns(time, false, organisation, theme, systemActor, null);
    }

    /** A view with its own theme and system-actor columns, its time a {@code date} column (compared as dates). */
    public static FilterColumns codedByDay(String day, String organisation, String theme, String systemActor) {
        return new FilterColumns(day, true, organisation, theme, systemActor, null);
    }

    /** A view of people (by pseudonym column), narrowed by theme and system actor through their barriers. */
    public static FilterColumns ofPeople(String time, String organisation, String person) {
        return new FilterColumns(time, false, organisation, null, null, person);
    }

    /** A SQL condition and its parameters, in order. */
    public record Where(String sql, List<Object> parameters) {

        /** {@code "where ..."} or empty when nothing is filtered. */
        public String clause() {
            return sql.isEmpty() ? "" : "where " + sql;
        }

        /** {@code "and ..."} or empty, to extend a where clause of the view's own. */
        public String and() {
            return sql.isEmpty() ? "" : "and " + sql;
        }
    }

    /** The condition {@code filters} put on this view. */
    public Where where(ViewFilters filters) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        // A date column is compared with dates, so that an index on it serves the range.
        if (time != null && filters.from() != null) {
            conditions.add(time + " >= ?");
            parameters.add(day ? filters.from() : filters.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (time != null && filters.to() != null) {
            // "to" is inclusive: everything before the next day starts.
            conditions.add(time + " < ?");
            LocalDate next = filters.to().plusDays(1);
            parameters.add(day ? next : next.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (organisation != null && filters.organisation() != null) {
            conditions.add(organisation + " = ?");
            parameters.add(filters.organisation());
        }
        if (person == null) {
            if (theme != null && filters.theme() != null) {
                conditions.add(theme + " = ?");
                parameters.add(filters.theme());
            }
            if (systemActor != null && filters.systemActor() != null) {
                conditions.add(systemActor + " = ?");
                parameters.add(filters.systemActor());
            }
        } else if (filters.theme() != null || filters.systemActor() != null) {
            StringBuilder barrier = new StringBuilder("exists (select 1 from barrier_observation filter_barrier where filter_barrier.pseudonym = ")
                    .append(person).append(" and filter_barrier.organisation = ").append(organisation);
            if (filters.theme() != null) {
                barrier.append(" and filter_barrier.theme = ?");
                parameters.add(filters.theme());
            }
            if (filters.systemActor() != null) {
                barrier.append(" and filter_barrier.system_actor = ?");
                parameters.add(filters.systemActor());
            }
            conditions.add(barrier.append(")").toString());
        }
        return new Where(String.join(" and ", conditions), parameters);
    }
}
