package org.bothy.place.barriers;

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
        // People met in two months are one person over both, so months' tallies do not add up: the tallies by the
        // previous month (whole months) or day (a range beginning or ending within a month) make them add.
        if (months.edges().isEmpty()) {
            return fromRangeTally(months, filters);
        }
        return fromDayTally(filters);
    }

    /**
     * The same counts read from the tallies kept in the intake's transaction (exact, and current as of the last
     * commit): a few rows per pattern, however many observations lie behind them. With a {@code month}, that month's
     * tallies; without, the all-time ones.
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
     * The counts over a range of days, exact, from the tallies by previous day ({@code barrier_day_since}, or
     * {@code _at} one organisation): the people of days d1..d2 are those of each day whose previous day under the
     * pattern is before d1. An organisation counts if it saw anyone then.
     */
    private List<BarrierCount> fromDayTally(ViewFilters filters) {
        List<Object> parameters = new ArrayList<>();
        String since = daysSince(filters.from(), filters.to(), filters, parameters);
        return fromSince(filters.organisation() == null ? "barrier_day_since" : "barrier_day_since_at",
                "barrier_day_since_at", since, parameters);
    }

    /**
     * The counts over whole months a..b, exact, from the tallies by previous month ({@code barrier_month_since}, or
     * {@code _at} one organisation): the people of months a..b are those of each month whose previous month under the
     * pattern is before a. A few rows per pattern and month.
     */
    private List<BarrierCount> fromRangeTally(WholeMonths months, ViewFilters filters) {
        List<Object> parameters = new ArrayList<>();
        List<String> since = new ArrayList<>();
        if (months.first() != null) {
            since.add("month >= ? and previous_month < ?");
            parameters.add(months.first());
            parameters.add(months.first());
        } else {
            since.add("previous_month = '-infinity'");
        }
        if (months.last() != null) {
            since.add("month <= ?");
            parameters.add(months.last());
        }
        codes(filters, since, parameters);
        return fromSince(filters.organisation() == null ? "barrier_month_since" : "barrier_month_since_at",
                "barrier_month_since_at", String.join(" and ", since), parameters);
    }

    /**
     * People per pattern summed from {@code people} (across organisations a person met at two is one; one
     * organisation's own when the range is one organisation's) and organisations counted from {@code peopleAt}, over
     * the rows that count each person once: {@code since}, with its {@code parameters}.
     */
    private List<BarrierCount> fromSince(String people, String peopleAt, String since, List<Object> parameters) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(parameters);
        return jdbc.sql("""
                        with people as (
                            select theme, system_actor, sum(people) as people from %s where %s
                            group by theme, system_actor having sum(people) > 0),
                        organisations as (
                            select theme, system_actor, count(*) as organisations
                            from (select theme, system_actor, organisation from %s where %s
                                  group by theme, system_actor, organisation having sum(people) > 0) seen
                            group by theme, system_actor)
                        select theme, system_actor, people, organisations
                        from people join organisations using (theme, system_actor)
                        order by people desc, organisations desc, theme, system_actor
                        """.formatted(people, since, peopleAt, since))
                .params(all)
                .query((rs, row) -> new BarrierCount(rs.getString("theme"), rs.getString("system_actor"),
                        rs.getLong("people"), rs.getLong("organisations")))
                .list();
    }

    /**
     * The condition on a tally by previous day that picks each person's first day from {@code from} to {@code to}
     * (either null for an open end), narrowed by the codes (and organisation) of {@code filters}; its parameters go to
     * {@code parameters}.
     */
    private static String daysSince(LocalDate from, LocalDate to, ViewFilters filters, List<Object> parameters) {
        List<String> since = new ArrayList<>();
        if (from != null) {
            since.add("day >= ? and previous_day < ?");
            parameters.add(from);
            parameters.add(from);
        } else {
            since.add("previous_day = '-infinity'");
        }
        if (to != null) {
            since.add("day <= ?");
            parameters.add(to);
        }
        codes(filters, since, parameters);
        return String.join(" and ", since);
    }

    /**
     * Distinct people per month, organisation, theme and system actor within {@code filters}, oldest month first:
     * whole months from the tallies kept in the intake's transaction, the days of a partial month at either edge of
     * the range from the tallies by previous day.
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
            parameters.add(days.month());
            parts.add("""
                    select cast(? as date) as month, organisation, theme, system_actor, sum(people) as people
                    from barrier_day_since_at
                    where %s
                    group by organisation, theme, system_actor having sum(people) > 0
                    """.formatted(daysSince(days.from(), days.to(), filters, parameters)));
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
