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
        return fromSinceTallies(months, filters);
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

    /** Rows of a tally by previous month or day that count people: {@code sign} 1 to add them, -1 to take off. */
    private record Part(String table, String condition, List<Object> parameters, int sign) {
    }

    /**
     * The counts over any range, exact, from the tallies by previous month ({@code barrier_month_since}) and by
     * previous day ({@code barrier_day_since}), or their {@code _at} tables for one organisation. A person met in two
     * months is one person over both, so each is counted once, at their first day in the range [from, to]: on an edge's
     * days, the days whose previous day is before {@code from}; in the whole months a..b, the months whose previous
     * month is before a, less those whose previous day lies in the first edge's days (counted there already). An
     * organisation counts if it saw anyone in the range.
     */
    private List<BarrierCount> fromSinceTallies(WholeMonths months, ViewFilters filters) {
        LocalDate from = filters.from();
        String day = filters.organisation() == null ? "barrier_day_since" : "barrier_day_since_at";
        String month = filters.organisation() == null ? "barrier_month_since" : "barrier_month_since_at";
        List<Part> parts = new ArrayList<>();
        for (WholeMonths.Days days : months.edges()) {
            List<Object> parameters = new ArrayList<>();
            parts.add(new Part(day, daysSince(from, days.from(), days.to(), filters, parameters), parameters, 1));
        }
        if (months.anyWhole()) {
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
            parts.add(new Part(month, String.join(" and ", since), parameters, 1));
            if (from != null && from.getDayOfMonth() != 1) {
                // Met in the first edge's days and again in a whole month: the first day back has its previous day
                // on that edge (barrier_day_since_*_back, by previous day, finds those few rows).
                List<Object> back = new ArrayList<>(List.of(from, from.withDayOfMonth(from.lengthOfMonth()), months.first()));
                List<String> condition = new ArrayList<>(List.of("previous_day >= ? and previous_day <= ? and day >= ?"));
                if (months.last() != null) {
                    condition.add("day <= ?");
                    back.add(months.last().plusMonths(1).minusDays(1));
                }
                codes(filters, condition, back);
                parts.add(new Part(day, String.join(" and ", condition), back, -1));
            }
        }
        List<String> people = new ArrayList<>();
        List<String> organisations = new ArrayList<>();
        List<Object> peopleParameters = new ArrayList<>();
        List<Object> organisationParameters = new ArrayList<>();
        for (Part part : parts) {
            people.add("select theme, system_actor, %d * people as people from %s where %s"
                    .formatted(part.sign(), part.table(), part.condition()));
            peopleParameters.addAll(part.parameters());
            if (part.sign() > 0) {
                // Every person of the range is counted once by the added parts, at an organisation that saw them.
                organisations.add("select theme, system_actor, organisation, people from %s where %s"
                        .formatted(part.table().endsWith("_at") ? part.table() : part.table() + "_at", part.condition()));
                organisationParameters.addAll(part.parameters());
            }
        }
        List<Object> all = new ArrayList<>(peopleParameters);
        all.addAll(organisationParameters);
        return jdbc.sql("""
                        with people as (
                            select theme, system_actor, sum(people) as people from (%s) counted
                            group by theme, system_actor having sum(people) > 0),
                        organisations as (
                            select theme, system_actor, count(*) as organisations
                            from (select theme, system_actor, organisation from (%s) counted
                                  group by theme, system_actor, organisation having sum(people) > 0) seen
                            group by theme, system_actor)
                        select theme, system_actor, people, organisations
                        from people join organisations using (theme, system_actor)
                        order by people desc, organisations desc, theme, system_actor
                        """.formatted(String.join(" union all ", people), String.join(" union all ", organisations)))
                .params(all)
                .query((rs, row) -> new BarrierCount(rs.getString("theme"), rs.getString("system_actor"),
                        rs.getLong("people"), rs.getLong("organisations")))
                .list();
    }

    /**
     * The condition on a tally by previous day that picks, among the days {@code first} to {@code last}, those on which
     * a person met the pattern with no day since {@code since} before (null: ever), narrowed by the codes (and
     * organisation) of {@code filters}; its parameters go to {@code parameters}.
     */
    private static String daysSince(LocalDate since, LocalDate first, LocalDate last, ViewFilters filters,
                                    List<Object> parameters) {
        List<String> conditions = new ArrayList<>(List.of("day >= ? and day <= ?"));
        parameters.add(first);
        parameters.add(last);
        if (since != null) {
            conditions.add("previous_day < ?");
            parameters.add(since);
        } else {
            conditions.add("previous_day = '-infinity'");
        }
        codes(filters, conditions, parameters);
        return String.join(" and ", conditions);
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
                    """.formatted(daysSince(days.from(), days.from(), days.to(), filters, parameters)));
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
