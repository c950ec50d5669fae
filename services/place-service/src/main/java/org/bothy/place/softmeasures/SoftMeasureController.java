package org.bothy.place.softmeasures;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.place.query.FilterColumns;
import org.bothy.place.query.ViewFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Soft-measure trends across the place: per dimension and month, the mean of people's own scores. */
@RestController
@PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
public class SoftMeasureController {

    private static final FilterColumns COLUMNS = FilterColumns.ofPeople("s.scored_at", "s.organisation", "s.pseudonym");

    private final JdbcClient jdbc;

    public SoftMeasureController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Mean score, number of scores and of people per dimension and month, oldest first. */
    @GetMapping(value = "/soft-measures", produces = {"application/json", "text/csv"})
    @Operation(summary = "Soft-measure trends: mean self-score (1-10), scores and people per dimension and month (YYYY-MM)")
    public List<SoftMeasureTrend> trends(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String organisation,
                                         @RequestParam(required = false) String theme,
                                         @RequestParam(required = false) String systemActor) {
        FilterColumns.Where where = COLUMNS.where(ViewFilters.parse(from, to, organisation, theme, systemActor));
        return jdbc.sql("""
                        select to_char(date_trunc('month', s.scored_at at time zone 'UTC'), 'YYYY-MM') as month, s.dimension,
                               round(avg(s.score), 2) as mean_score, count(*) as scores, count(distinct s.pseudonym) as people
                        from soft_measure s %s
                        group by 1, s.dimension
                        order by 1, s.dimension
                        """.formatted(where.clause()))
                .params(where.parameters())
                .query((rs, row) -> new SoftMeasureTrend(rs.getString("month"), rs.getString("dimension"),
                        rs.getDouble("mean_score"), rs.getLong("scores"), rs.getLong("people")))
                .list();
    }
}
