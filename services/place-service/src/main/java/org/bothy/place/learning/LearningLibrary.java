package org.bothy.place.learning;

import org.bothy.place.query.FilterColumns;
import org.bothy.place.query.ViewFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/**
 * The learning library: experiments' learning summaries and learning cycles, searched with PostgreSQL full text
 * ({@code websearch_to_tsquery}, so "quoted phrases", or and -not work as people expect), best match first.
 */
@Repository
public class LearningLibrary {

    private static final FilterColumns EXPERIMENTS = FilterColumns.ofPeople("e.concluded_at", "e.organisation", "e.pseudonym");
    private static final FilterColumns CYCLES = FilterColumns.coded("c.published_at", "c.organisation", null, null);

    private final JdbcClient jdbc;

    public LearningLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Entries matching {@code search} (every entry when blank) within {@code filters}, at most {@code limit}. A theme
     * filter applies to an experiment's own theme; a theme or system-actor filter leaves cycles out, as they have
     * neither.
     */
    public List<LearningEntry> search(String search, ViewFilters filters, int limit) {
        boolean searching = search != null && !search.isBlank();
        ViewFilters forPeople = new ViewFilters(filters.from(), filters.to(), filters.organisation(), null, filters.systemActor());
        FilterColumns.Where experiments = EXPERIMENTS.where(forPeople);
        FilterColumns.Where cycles = CYCLES.where(filters);
        List<Object> parameters = new ArrayList<>();
        String rank = searching ? "ts_rank(%s.search, websearch_to_tsquery('english', ?))" : "0";
        String match = searching ? "%s.search @@ websearch_to_tsquery('english', ?)" : "true";

        StringBuilder sql = new StringBuilder("select * from (select 'experiment' as kind, e.organisation, e.experiment_id as id,")
                .append(" e.theme, null as scale, e.learning_summary as text, e.concluded_at as published_at, ")
                .append(rank.formatted("e")).append(" as rank from experiment_learning e where ").append(match.formatted("e"));
        if (searching) {
            parameters.add(search);
            parameters.add(search);
        }
        sql.append(' ').append(experiments.and());
        parameters.addAll(experiments.parameters());
        if (filters.theme() != null) {
            sql.append(" and e.theme = ?");
            parameters.add(filters.theme());
        }
        if (filters.theme() == null && filters.systemActor() == null) {
            sql.append(" union all select 'cycle', c.organisation, c.cycle_id, null, c.scale,")
                    .append(" concat_ws(' / ', c.question, c.patterns, c.learning_for_other_scales), c.published_at, ")
                    .append(rank.formatted("c")).append(" from learning_cycle c where ").append(match.formatted("c"));
            if (searching) {
                parameters.add(search);
                parameters.add(search);
            }
            sql.append(' ').append(cycles.and());
            parameters.addAll(cycles.parameters());
        }
        sql.append(") entries order by rank desc, published_at desc, id limit ?");
        parameters.add(limit);
        return jdbc.sql(sql.toString())
                .params(parameters)
                .query((rs, row) -> new LearningEntry(rs.getString("kind"), rs.getString("organisation"), rs.getString("id"),
                        rs.getString("theme"), rs.getString("scale"), rs.getString("text"),
                        rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant().toString(),
                        Math.round(rs.getDouble("rank") * 10000) / 10000.0))
                .list();
    }

    /** Every learning cycle at its latest revision, by scale (person up to place) then organisation. */
    public List<LearningCycleView> cycles(ViewFilters filters, String scale) {
        FilterColumns.Where where = CYCLES.where(filters);
        List<Object> parameters = new ArrayList<>(where.parameters());
        String byScale = "";
        if (scale != null) {
            byScale = (where.sql().isEmpty() ? "where " : " and ") + "c.scale = ?";
            parameters.add(scale);
        }
        return jdbc.sql("""
                        select c.organisation, c.cycle_id, c.revision, c.scale, c.question, c.patterns,
                               c.learning_for_other_scales, array_to_string(c.connected_cycle_ids, ' ') as connected,
                               c.published_at
                        from learning_cycle c %s %s
                        order by array_position(array['person','team','organisation','consortium','place'], c.scale::text),
                                 c.organisation, c.cycle_id
                        """.formatted(where.clause(), byScale))
                .params(parameters)
                .query((rs, row) -> new LearningCycleView(rs.getString("organisation"), rs.getString("cycle_id"),
                        rs.getInt("revision"), rs.getString("scale"), rs.getString("question"), rs.getString("patterns"),
                        rs.getString("learning_for_other_scales"), rs.getString("connected"),
                        rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant().toString()))
                .list();
    }

    /** Every connection a cycle declares, with both ends' scales where the place knows them. */
    public List<CycleConnection> connections(ViewFilters filters) {
        FilterColumns.Where where = CYCLES.where(filters);
        return jdbc.sql("""
                        select c.organisation, c.cycle_id, c.scale, connected.id as to_cycle_id,
                               target.organisation as to_organisation, target.scale as to_scale
                        from learning_cycle c
                        cross join lateral unnest(c.connected_cycle_ids) as connected(id)
                        left join learning_cycle target on target.cycle_id = connected.id
                        %s
                        order by c.organisation, c.cycle_id, connected.id
                        """.formatted(where.clause()))
                .params(where.parameters())
                .query((rs, row) -> new CycleConnection(rs.getString("organisation"), rs.getString("cycle_id"),
                        rs.getString("scale"), rs.getString("to_cycle_id"), rs.getString("to_organisation"),
                        rs.getString("to_scale")))
                .list();
    }
}
