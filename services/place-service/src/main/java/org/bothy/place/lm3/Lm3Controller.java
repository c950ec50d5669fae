package org.bothy.place.lm3;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.place.query.FilterColumns;
import org.bothy.place.query.ViewFilters;
import org.bothy.support.web.InvalidField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** Local economic impact (LM3) per project, per organisation and for the consortium, predicted and actual. */
@RestController
@PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
public class Lm3Controller {

    private static final FilterColumns COLUMNS = FilterColumns.coded("l.reported_at", "l.organisation", null, null);

    private final JdbcClient jdbc;

    public Lm3Controller(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every project, then every organisation, then the consortium, for each basis reported. */
    @GetMapping(value = "/lm3", produces = {"application/json", "text/csv"})
    @Operation(summary = "LM3 per project, organisation and consortium (income-weighted), by basis (predicted|actual); theme and systemActor do not apply")
    public List<Lm3Figure> lm3(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String organisation,
                               @RequestParam(required = false) String theme,
                               @RequestParam(required = false) String systemActor,
                               @RequestParam(required = false) String basis) {
        ViewFilters filters = ViewFilters.parse(from, to, organisation, theme, systemActor);
        String chosenBasis = basis == null || basis.isBlank() ? null : basis.strip();
        if (chosenBasis != null && !chosenBasis.equals("predicted") && !chosenBasis.equals("actual")) {
            throw new InvalidField("basis", "must be predicted or actual");
        }
        FilterColumns.Where where = COLUMNS.where(filters);
        List<Object> parameters = new ArrayList<>(where.parameters());
        String condition = where.clause();
        if (chosenBasis != null) {
            condition = (condition.isEmpty() ? "where " : condition + " and ") + "l.basis = ?";
            parameters.add(chosenBasis);
        }
        return jdbc.sql("""
                        select case when grouping(l.organisation) = 1 then 'consortium'
                                    when grouping(l.project_id) = 1 then 'organisation' else 'project' end as scale,
                               l.organisation, l.project_id, max(l.project_name) as project_name, l.basis,
                               count(*) as projects, sum(l.r1_pence) as r1, sum(l.r2_pence) as r2, sum(l.r3_pence) as r3,
                               round((sum(l.r1_pence) + sum(l.r2_pence) + sum(l.r3_pence))::numeric / nullif(sum(l.r1_pence), 0), 2) as lm3
                        from lm3_report l %s
                        group by grouping sets ((l.basis, l.organisation, l.project_id), (l.basis, l.organisation), (l.basis))
                        order by l.basis, grouping(l.organisation), l.organisation, grouping(l.project_id), l.project_id
                        """.formatted(condition))
                .params(parameters)
                .query((rs, row) -> new Lm3Figure(rs.getString("scale"), rs.getString("organisation"),
                        rs.getString("project_id"), rs.getString("scale").equals("project") ? rs.getString("project_name") : null,
                        rs.getString("basis"), rs.getInt("projects"), rs.getLong("r1"), rs.getLong("r2"), rs.getLong("r3"),
                        rs.getBigDecimal("lm3")))
                .list();
    }
}
