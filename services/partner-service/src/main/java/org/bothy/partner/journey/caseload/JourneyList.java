package org.bothy.partner.journey.caseload;

import java.sql.Timestamp;
import java.util.List;
import org.bothy.partner.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the organisation's journeys, open first and newest first, from the caseload projection's journey table. */
@Component
public class JourneyList {

    private final JdbcTemplate jdbc;

    public JourneyList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} of {@code size} journeys; only open or only closed ones when {@code status} says so. */
    public Page<JourneySummary> page(String status, int page, int size) {
        String where = status == null ? "" : "OPEN".equals(status) ? " where closed_at is null"
                : " where closed_at is not null";
        Long total = jdbc.queryForObject("select count(*) from journey_caseload_journey" + where, Long.class);
        List<JourneySummary> journeys = jdbc.query("select journey_id, door, opened_at, closed_at "
                + "from journey_caseload_journey" + where
                + " order by (closed_at is not null), opened_at desc, journey_id limit ? offset ?", (row, n) -> {
                    Timestamp closedAt = row.getTimestamp("closed_at");
                    return new JourneySummary(row.getString("journey_id"), row.getString("door"),
                            closedAt == null ? "OPEN" : "CLOSED", row.getTimestamp("opened_at").toInstant(),
                            closedAt == null ? null : closedAt.toInstant());
                }, size, (long) page * size);
        return Page.of(journeys, page, size, total == null ? 0 : total);
    }
}
