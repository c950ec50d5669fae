package org.bothy.place.barriers;

import org.bothy.place.query.FilterColumns;
import org.bothy.place.query.ViewFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/** Reads the barrier projection as counts of people, not records: one person met twice is one person. */
@Repository
public class BarrierCounts {

    // By the day the barrier was met (v1 records: the day recorded), which barrier_observation_month indexes.
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
            return fromTally(filters);
        }
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
     * commit): a few rows per pattern, however many observations lie behind them. The tallies span all time, so a
     * date range is counted from the observations instead.
     */
    private List<BarrierCount> fromTally(ViewFilters filters) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("where people > 0");
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
                           (select count(*) from barrier_people_at at
                            where at.theme = p.theme and at.system_actor = p.system_actor and at.people > 0) as organisations
                    from barrier_people p
                    %s
                    order by people desc, organisations desc, theme, system_actor
                    """.formatted(where);
        } else {
            where.append(" and organisation = ?");
            parameters.add(filters.organisation());
            sql = """
                    select theme, system_actor, people, 1 as organisations
                    from barrier_people_at
                    %s
                    order by people desc, organisations desc, theme, system_actor
                    """.formatted(where);
        }
        return jdbc.sql(sql).params(parameters)
                .query((rs, row) -> new BarrierCount(rs.getString("theme"), rs.getString("system_actor"),
                        rs.getLong("people"), rs.getLong("organisations")))
                .list();
    }

    /** Distinct people per month, organisation, theme and system actor within {@code filters}, oldest month first. */
    public List<MonthlyBarrierCount> byMonth(ViewFilters filters) {
        FilterColumns.Where where = COLUMNS.where(filters);
        return jdbc.sql("""
                        select to_char(observed_on, 'YYYY-MM') as month,
                               organisation, theme, system_actor, count(distinct pseudonym) as people
                        from barrier_observation
                        %s
                        group by 1, organisation, theme, system_actor
                        order by 1, organisation, theme, system_actor
                        """.formatted(where.clause()))
                .params(where.parameters())
                .query((rs, row) -> new MonthlyBarrierCount(rs.getString("month"), rs.getString("organisation"),
                        rs.getString("theme"), rs.getString("system_actor"), rs.getLong("people")))
                .list();
    }
}
