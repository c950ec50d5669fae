package org.bothy.place.issues;

import io.swagger.v3.oas.annotations.Operation;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.place.query.FilterColumns;
import org.bothy.place.query.ViewFilters;
import org.bothy.support.web.FieldProblem;
import org.bothy.support.web.InvalidField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** The consolidated issue log of every partner, for place leads: filterable by level, owner and status. */
@RestController
@PreAuthorize("hasAnyRole('PLACE_LEAD', 'ADMIN')")
public class IssueController {

    private static final Codes CODES = Codes.northEdinburgh();
    private static final FilterColumns COLUMNS = FilterColumns.coded("i.published_at", "i.organisation", null, null);

    private final JdbcClient jdbc;

    public IssueController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues at their latest revision, highest level first, then most evidence. */
    @GetMapping(value = "/issues", produces = {"application/json", "text/csv"})
    @Operation(summary = "The consolidated issue log; filters level (1-3), owner, status, and theme/systemActor among the issue's own")
    public List<IssueEntry> issues(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String organisation,
                                   @RequestParam(required = false) String theme,
                                   @RequestParam(required = false) String systemActor,
                                   @RequestParam(required = false) String level,
                                   @RequestParam(required = false) String owner,
                                   @RequestParam(required = false) String status) {
        List<FieldProblem> problems = new ArrayList<>();
        ViewFilters filters = null;
        try {
            filters = ViewFilters.parse(from, to, organisation, theme, systemActor);
        } catch (InvalidField invalid) {
            problems.addAll(invalid.problems());
        }
        Integer levelCode = null;
        if (level != null && !level.isBlank()) {
            try {
                levelCode = Integer.parseInt(level.strip());
                CODES.level(levelCode);
            } catch (NumberFormatException | UnknownCodeException bad) {
                problems.add(new FieldProblem("level", "not an issue level (1 individual, 2 system, 3 macro)"));
            }
        }
        check("owner", owner, () -> CODES.owner(owner.strip()), problems);
        check("status", status, () -> CODES.issueStatus(status.strip()), problems);
        if (!problems.isEmpty()) {
            throw new InvalidField(problems);
        }
        FilterColumns.Where where = COLUMNS.where(filters);
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>(where.parameters());
        if (!where.sql().isEmpty()) {
            conditions.add(where.sql());
        }
        add(conditions, parameters, "? = any(i.themes)", filters.theme());
        add(conditions, parameters, "? = any(i.system_actors)", filters.systemActor());
        add(conditions, parameters, "i.level = ?", levelCode);
        add(conditions, parameters, "i.owner = ?", blankToNull(owner));
        add(conditions, parameters, "i.status = ?", blankToNull(status));
        return jdbc.sql("""
                        select i.*, array_to_string(i.themes, ' ') as theme_list,
                               array_to_string(i.system_actors, ' ') as actor_list,
                               (select count(distinct b.pseudonym) from barrier_observation b
                                 where b.organisation = i.organisation and b.theme = any(i.themes)
                                   and b.system_actor = any(i.system_actors)) as people_seen
                        from issue i %s
                        order by i.level desc, i.barrier_count desc, i.organisation, i.issue_id
                        """.formatted(conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions)))
                .params(parameters)
                .query((rs, row) -> new IssueEntry(rs.getString("organisation"), rs.getString("issue_id"),
                        rs.getInt("revision"), rs.getString("description"), rs.getInt("level"), rs.getString("status"),
                        rs.getString("owner"), rs.getString("countermeasure"), rs.getString("system_change"),
                        rs.getString("theme_list"), rs.getString("actor_list"), rs.getInt("barrier_count"),
                        rs.getInt("journey_count"), rs.getLong("people_seen"),
                        rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant().toString()))
                .list();
    }

    private static void check(String field, String value, Runnable lookup, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            lookup.run();
        } catch (UnknownCodeException unknown) {
            problems.add(new FieldProblem(field, unknown.getMessage()));
        }
    }

    private static void add(List<String> conditions, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.add(value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
