package org.bothy.place.barriers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (theme != null) {
            conditions.add("theme = ?");
            parameters.add(theme);
        }
        if (systemActor != null) {
            conditions.add("system_actor = ?");
            parameters.add(systemActor);
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        return jdbc.sql("""
                        select theme, system_actor,
                               count(distinct pseudonym) as people,
                               count(distinct organisation) as organisations
                        from barrier_observation
                        %s
                        group by theme, system_actor
                        order by people desc, organisations desc, theme, system_actor
                        """.formatted(where))
                .params(parameters)
                .query((rs, row) -> new BarrierCount(rs.getString("theme"), rs.getString("system_actor"),
                        rs.getLong("people"), rs.getLong("organisations")))
                .list();
    }
}
