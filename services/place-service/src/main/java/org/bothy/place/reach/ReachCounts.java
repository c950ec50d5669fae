package org.bothy.place.reach;

import org.bothy.place.query.FilterColumns;
import org.bothy.place.query.ViewFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/**
 * Reach across the place: distinct people per organisation and month, and the revolving door. Reach is kept by
 * month, so a date range selects every month it touches.
 */
@Repository
public class ReachCounts {

    private static final FilterColumns COLUMNS = FilterColumns.ofPeople(null, "seen.organisation", "seen.pseudonym");

    private final JdbcClient jdbc;

    public ReachCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Distinct people each organisation saw in each month, oldest first. */
    public List<MonthlyReach> byMonth(ViewFilters filters) {
        if (filters.theme() == null && filters.systemActor() == null) {
            return byMonthFromTally(filters);
        }
        Condition condition = condition(filters);
        return jdbc.sql("""
                        select to_char(seen.month, 'YYYY-MM') as month, seen.organisation, count(*) as people
                        from person_month seen
                        %s
                        group by seen.month, seen.organisation
                        order by seen.month, seen.organisation
                        """.formatted(condition.where()))
                .params(condition.parameters())
                .query((rs, row) -> new MonthlyReach(rs.getString("month"), rs.getString("organisation"), rs.getLong("people")))
                .list();
    }

    /** The same, read from the counts kept in the intake's transaction: one row per month and organisation. */
    private List<MonthlyReach> byMonthFromTally(ViewFilters filters) {
        List<String> conditions = new ArrayList<>(List.of("people > 0"));
        List<Object> parameters = new ArrayList<>();
        if (filters.from() != null) {
            conditions.add("month >= ?");
            parameters.add(filters.from().withDayOfMonth(1));
        }
        if (filters.to() != null) {
            conditions.add("month <= ?");
            parameters.add(filters.to());
        }
        if (filters.organisation() != null) {
            conditions.add("organisation = ?");
            parameters.add(filters.organisation());
        }
        return jdbc.sql("""
                        select to_char(month, 'YYYY-MM') as month, organisation, people
                        from reach_month
                        where %s
                        order by reach_month.month, organisation
                        """.formatted(String.join(" and ", conditions)))
                .params(parameters)
                .query((rs, row) -> new MonthlyReach(rs.getString("month"), rs.getString("organisation"), rs.getLong("people")))
                .list();
    }

    /**
     * Per organisation: the distinct people it saw, and how many of them were also seen at another organisation
     * (within the date range and theme filters; the organisation filter picks the row, not the other doors).
     */
    public List<RevolvingDoor> revolvingDoor(ViewFilters filters) {
        if (filters.from() == null && filters.to() == null && filters.theme() == null && filters.systemActor() == null) {
            // Over all time the counts are kept as people are seen: one row per organisation.
            return jdbc.sql("""
                            select organisation, people, seen_elsewhere_too from door_people
                            where people > 0 and (cast(? as varchar) is null or organisation = ?)
                            order by organisation
                            """)
                    .params(filters.organisation(), filters.organisation())
                    .query((rs, row) -> new RevolvingDoor(rs.getString("organisation"), rs.getLong("people"),
                            rs.getLong("seen_elsewhere_too")))
                    .list();
        }
        Condition everywhere = condition(new ViewFilters(filters.from(), filters.to(), null, filters.theme(), filters.systemActor()));
        List<Object> parameters = new ArrayList<>(everywhere.parameters());
        String only = "";
        if (filters.organisation() != null) {
            only = "where organisation = ?";
            parameters.add(filters.organisation());
        }
        return jdbc.sql("""
                        with seen_at as (
                            select distinct seen.organisation, seen.pseudonym from person_month seen %s
                        ), doors as (
                            select pseudonym, count(*) as organisations from seen_at group by pseudonym
                        )
                        select seen_at.organisation, count(*) as people,
                               count(*) filter (where doors.organisations >= 2) as seen_elsewhere_too
                        from seen_at join doors using (pseudonym)
                        %s
                        group by seen_at.organisation
                        order by seen_at.organisation
                        """.formatted(everywhere.where(), only))
                .params(parameters)
                .query((rs, row) -> new RevolvingDoor(rs.getString("organisation"), rs.getLong("people"),
                        rs.getLong("seen_elsewhere_too")))
                .list();
    }

    /** How many people were seen at exactly k organisations, for every k of 2 or more. */
    public List<DoorsPerPerson> doorsPerPerson(ViewFilters filters) {
        Condition condition = condition(new ViewFilters(filters.from(), filters.to(), null, filters.theme(), filters.systemActor()));
        return jdbc.sql("""
                        select organisations, count(*) as people from (
                            select seen.pseudonym, count(distinct seen.organisation) as organisations
                            from person_month seen %s group by seen.pseudonym
                        ) doors
                        where organisations >= 2
                        group by organisations order by organisations
                        """.formatted(condition.where()))
                .params(condition.parameters())
                .query((rs, row) -> new DoorsPerPerson(rs.getInt("organisations"), rs.getLong("people")))
                .list();
    }

    private record Condition(String where, List<Object> parameters) {
    }

    private static Condition condition(ViewFilters filters) {
        FilterColumns.Where where = COLUMNS.where(filters);
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filters.from() != null) {
            conditions.add("seen.month >= ?");
            parameters.add(filters.from().withDayOfMonth(1));
        }
        if (filters.to() != null) {
            conditions.add("seen.month <= ?");
            parameters.add(filters.to());
        }
        if (!where.sql().isEmpty()) {
            conditions.add(where.sql());
            parameters.addAll(where.parameters());
        }
        return new Condition(conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions), parameters);
    }
}
