package org.bothy.place.barriers;

import org.bothy.place.query.FilterColumns;
import org.bothy.place.query.ViewFilters;
import org.bothy.place.query.WholeMonths;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the barrier projection as counts of people, not records: one person met twice is one person. */
@Repository
public class BarrierCounts {

    // By the day the barrier was met (v1 records: the day recorded), which barrier_observation_day indexes (V16).
    private static final FilterColumns COLUMNS = FilterColumns.codedByDay("observed_on", "organisation", "theme", "system_actor");

    private final JdbcClient jdbc;

    public BarrierCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts per theme and system actor, optionally narrowed to one of each (null means any), most people first. */
    public List<BarrierCount> byPattern(String theme, String systemActor) {
        return byPattern(new ViewFilters(null, null, null, theme, systemActor));
    }

    /** Counts per theme and system actor within {@code filters}, most people first. */
    public List<BarrierCount> byPattern(ViewFilters filters) {
        if (filters.from() == null && filters.to() == null) {
            return fromTally(null, filters);
        }
        WholeMonths months = WholeMonths.of(filters);
        if (months.oneWholeMonth()) {
            return fromTally(months.first(), filters);
        }
        // People met in two months are one person over both, so months' tallies do not add up: count the rows.
        FilterColumns.Where where = COLUMNS.where(filters);
        return jdbc.sql("""
                        select theme, system_actor,
                               count(distinct pseudonym) as people,
                               count(distinct organisation) as organisations
                        from barrier_observation
                        %s
                        group by theme, system_actor
                        order by people desc, organisations desc, theme, system_actor
                        """.formatted(where.clause()))
                .params(where.parameters())
                .query((rs, row) -> new BarrierCount(rs.getString("theme"), rs.getString("system_actor"),
                        rs.getLong("people"), rs.getLong("organisations")))
                .list();
    }

    /**
     * The same counts read from the tallies kept in the intake's transaction (exact, and current as of the last
     * commit): a few rows per pattern, however many observations lie behind them. With a {@code month}, that month's
     * tallies; without, the all-time ones. A month's people do not add up across months, so any other date range is
     * counted from the observations.
     */
    private List<BarrierCount> fromTally(LocalDate month, ViewFilters filters) {
        String people = month == null ? "barrier_people" : "barrier_month_people";
        String peopleAt = month == null ? "barrier_people_at" : "barrier_month_people_at";
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("where people > 0");
        if (month != null) {
            where.append(" and month = ?");
            parameters.add(month);
        }
        if (filters.theme() != null) {
            where.append(" and theme = ?");
            parameters.add(filters.theme());
        }
        if (filters.systemActor() != null) {
            where.append(" and system_actor = ?");
            parameters.add(filters.systemActor());
        }
        String sql;
        if (filters.organisation() == null) {
            sql = """
                    select theme, system_actor, people,
                           (select count(*) from %s at
                            where at.theme = p.theme and at.system_actor = p.system_actor and at.people > 0%s) as organisations
                    from %s p
                    %s
                    order by people desc, organisations desc, theme, system_actor
                    """.formatted(peopleAt, month == null ? "" : " and at.month = p.month", people, where);
        } else {
            where.append(" and organisation = ?");
            parameters.add(filters.organisation());
            sql = """
                    select theme, system_actor, people, 1 as organisations
                    from %s
                    %s
                    order by people desc, organisations desc, theme, system_actor
                    """.formatted(peopleAt, where);
        }
        return jdbc.sql(sql).params(parameters)
                .query((rs, row) -> new BarrierCount(rs.getString("theme"), rs.getString("system_actor"),
                        rs.getLong("people"), rs.getLong("organisations")))
                .list();
    }

    /**
     * Distinct people per month, organisation, theme and system actor within {@code filters}, oldest month first:
     * whole months from the tallies kept in the intake's transaction, the days of a partial month at either edge of
     * the range counted from the observations.
     */
    public List<MonthlyBarrierCount> byMonth(ViewFilters filters) {
        WholeMonths months = WholeMonths.of(filters);
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (months.anyWhole()) {
            List<String> conditions = new ArrayList<>(List.of("people > 0"));
            if (months.first() != null) {
                conditions.add("month >= ?");
                parameters.add(months.first());
            }
            if (months.last() != null) {
                conditions.add("month <= ?");
                parameters.add(months.last());
            }
            codes(filters, conditions, parameters);
            parts.add("""
                    select month, organisation, theme, system_actor, people
                    from barrier_month_people_at
                    where %s
                    """.formatted(String.join(" and ", conditions)));
        }
        for (WholeMonths.Days days : months.edges()) {
            FilterColumns.Where where = COLUMNS.where(
                    new ViewFilters(days.from(), days.to(), filters.organisation(), filters.theme(), filters.systemActor()));
            parts.add("""
                    select cast(? as date) as month, organisation, theme, system_actor, count(distinct pseudonym) as people
                    from barrier_observation
                    %s
                    group by organisation, theme, system_actor
                    """.formatted(where.clause()));
            parameters.add(days.month());
            parameters.addAll(where.parameters());
        }
        return jdbc.sql("""
                        select to_char(month, 'YYYY-MM') as month, organisation, theme, system_actor, people
                        from (%s) counted
                        order by counted.month, organisation, theme, system_actor
                        """.formatted(String.join(" union all ", parts)))
                .params(parameters)
                .query((rs, row) -> new MonthlyBarrierCount(rs.getString("month"), rs.getString("organisation"),
                        rs.getString("theme"), rs.getString("system_actor"), rs.getLong("people")))
                .list();
    }

    /** The organisation, theme and system-actor filters on a tally's columns of those names. */
    private static void codes(ViewFilters filters, List<String> conditions, List<Object> parameters) {
        if (filters.organisation() != null) {
            conditions.add("organisation = ?");
            parameters.add(filters.organisation());
        }
        if (filters.theme() != null) {
            conditions.add("theme = ?");
            parameters.add(filters.theme());
        }
        if (filters.systemActor() != null) {
            conditions.add("system_actor = ?");
            parameters.add(filters.systemActor());
        }
    }
}
