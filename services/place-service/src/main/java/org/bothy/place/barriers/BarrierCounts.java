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
        if (months.anyWhole()) {
            return fromRangeTally(months, filters);
        }
        if (months.edges().size() == 1) {
            return fromDayTally(months.edges().get(0), filters);
        }
        // Two months' edges with no whole month between: counted from the observations,
        // each distinct set hashed (count(distinct ...) sorts every row, under the codes' linguistic collation).
        FilterColumns.Where where = COLUMNS.where(filters);
        return jdbc.sql("""
                        with seen as materialized (
                            select theme, system_actor, pseudonym, organisation from barrier_observation %s),
                        people as (
                            select theme, system_actor, count(*) as people
                            from (select distinct theme, system_actor, pseudonym from seen) distinct_people
                            group by theme, system_actor),
                        organisations as (
                            select theme, system_actor, count(*) as organisations
                            from (select distinct theme, system_actor, organisation from seen) distinct_organisations
                            group by theme, system_actor)
                        select theme, system_actor, people, organisations
                        from people join organisations using (theme, system_actor)
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
     * The counts over days of one month, exact, from the tallies by previous day in the month
     * ({@code barrier_day_since}, or {@code _at} one organisation): the people of days d1..d2 are those of each day
     * whose previous day under the pattern that month is before d1. An organisation counts if it saw anyone then.
     */
    private List<BarrierCount> fromDayTally(WholeMonths.Days days, ViewFilters filters) {
        List<Object> parameters = new ArrayList<>();
        String since = daysSince(days, filters, parameters);
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(parameters);
        return jdbc.sql("""
                        with people as (
                            select theme, system_actor, sum(people) as people from %s where %s
                            group by theme, system_actor having sum(people) > 0),
                        organisations as (
                            select theme, system_actor, count(*) as organisations
                            from (select theme, system_actor, organisation from barrier_day_since_at where %s
                                  group by theme, system_actor, organisation having sum(people) > 0) seen
                            group by theme, system_actor)
                        select theme, system_actor, people, organisations
                        from people join organisations using (theme, system_actor)
                        order by people desc, organisations desc, theme, system_actor
                        """.formatted(filters.organisation() == null ? "barrier_day_since" : "barrier_day_since_at",
                        since, since))
                .params(all)
                .query((rs, row) -> new BarrierCount(rs.getString("theme"), rs.getString("system_actor"),
                        rs.getLong("people"), rs.getLong("organisations")))
                .list();
    }

    /**
     * The condition on a tally by previous day that picks, for {@code days} within one month, each person's first day
     * among them, narrowed by the codes (and organisation) of {@code filters}; its parameters go to {@code parameters}.
     */
    private static String daysSince(WholeMonths.Days days, ViewFilters filters, List<Object> parameters) {
        List<String> since = new ArrayList<>(List.of("day >= ? and day <= ? and previous_day < ?"));
        parameters.add(days.from());
        parameters.add(days.to());
        parameters.add(days.from());
        codes(filters, since, parameters);
        return String.join(" and ", since);
    }

    /**
     * The counts over a range holding whole months, exact: the people of the whole months from the tallies by previous
     * month ({@code barrier_month_since}, or {@code _at} one organisation: the people of months a..b are those of each
     * month whose previous month under the pattern is before a), plus the people met on the edges' days (counted from
     * the observations) whom no whole month of the range counted already. An organisation counts if it saw anyone in
     * either.
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
        String sinceAt = String.join(" and ", since);
        // Across organisations a person met at two is one: their own tally, unless the range is one organisation's.
        String wholePeople = """
                select theme, system_actor, sum(people) as people from %s where %s group by theme, system_actor
                """.formatted(filters.organisation() == null ? "barrier_month_since" : "barrier_month_since_at", sinceAt);
        List<String> edgeSelects = new ArrayList<>();
        List<Object> edgeParameters = new ArrayList<>();
        for (WholeMonths.Days days : months.edges()) {
            FilterColumns.Where where = COLUMNS.where(
                    new ViewFilters(days.from(), days.to(), filters.organisation(), filters.theme(), filters.systemActor()));
            edgeSelects.add("select theme, system_actor, pseudonym, organisation from barrier_observation " + where.clause());
            edgeParameters.addAll(where.parameters());
        }
        if (edgeSelects.isEmpty()) {
            edgeSelects.add("select theme, system_actor, pseudonym, organisation from barrier_observation where false");
        }
        // Someone met on an edge's day is new to the range unless a whole month of it counted them (at the same
        // organisation, when the range is one organisation's): barrier_person_month is keyed by person and pattern.
        List<String> counted = new ArrayList<>(List.of("w.pseudonym = e.pseudonym", "w.theme = e.theme",
                "w.system_actor = e.system_actor"));
        List<Object> countedParameters = new ArrayList<>();
        if (filters.organisation() != null) {
            counted.add("w.organisation = e.organisation");
        }
        if (months.first() != null) {
            counted.add("w.month >= ?");
            countedParameters.add(months.first());
        }
        if (months.last() != null) {
            counted.add("w.month <= ?");
            countedParameters.add(months.last());
        }
        List<Object> all = new ArrayList<>(edgeParameters);
        all.addAll(parameters);
        all.addAll(parameters);
        all.addAll(countedParameters);
        return jdbc.sql("""
                        with edge as (%s),
                        whole_organisations as (
                            select theme, system_actor, organisation from barrier_month_since_at where %s
                            group by theme, system_actor, organisation having sum(people) > 0),
                        whole_people as (%s),
                        edge_people as (
                            select theme, system_actor, count(*) as people
                            from (select distinct theme, system_actor, pseudonym from edge e
                                  where not exists (select 1 from barrier_person_month w where %s)) new_people
                            group by theme, system_actor),
                        organisations as (
                            select theme, system_actor, count(*) as organisations
                            from (select theme, system_actor, organisation from whole_organisations
                                  union select theme, system_actor, organisation from edge) seen
                            group by theme, system_actor)
                        select theme, system_actor,
                               coalesce(whole_people.people, 0) + coalesce(edge_people.people, 0) as people,
                               organisations
                        from organisations
                        left join whole_people using (theme, system_actor)
                        left join edge_people using (theme, system_actor)
                        order by people desc, organisations desc, theme, system_actor
                        """.formatted(String.join(" union all ", edgeSelects), sinceAt, wholePeople,
                        String.join(" and ", counted)))
                .params(all)
                .query((rs, row) -> new BarrierCount(rs.getString("theme"), rs.getString("system_actor"),
                        rs.getLong("people"), rs.getLong("organisations")))
                .list();
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
                    """.formatted(daysSince(days, filters, parameters)));
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
