package org.bothy.partner.journey.caseload;

import java.sql.Timestamp;
import java.util.List;
import org.bothy.partner.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a worker's caseload: open journeys first, then the most recently worked on. */
@Component
public class Caseload {

    private final JdbcTemplate jdbc;

    public Caseload(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} of {@code size} journeys of {@code worker}'s caseload. */
    public Page<CaseloadEntry> of(String worker, int page, int size) {
        Long total = jdbc.queryForObject("select count(*) from journey_caseload_worker w "
                + "join journey_caseload_journey j on j.journey_id = w.journey_id where w.worker = ?",
                Long.class, worker);
        List<CaseloadEntry> entries = jdbc.query("""
                select j.journey_id, j.door, j.opened_at, j.closed_at, w.opened, w.last_worked_at
                from journey_caseload_worker w join journey_caseload_journey j on j.journey_id = w.journey_id
                where w.worker = ?
                order by (j.closed_at is not null), w.last_worked_at desc, j.journey_id
                limit ? offset ?""", (row, n) -> {
                    Timestamp closedAt = row.getTimestamp("closed_at");
                    return new CaseloadEntry(row.getString("journey_id"), row.getString("door"),
                            closedAt == null ? "OPEN" : "CLOSED", row.getTimestamp("opened_at").toInstant(),
                            closedAt == null ? null : closedAt.toInstant(), row.getBoolean("opened"),
                            row.getTimestamp("last_worked_at").toInstant());
                }, worker, size, (long) page * size);
        return Page.of(entries, page, size, total == null ? 0 : total);
    }
}
