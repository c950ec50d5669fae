package org.bothy.escalation.pack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.bothy.kernel.codes.Codes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of an escalation so far, as sentences a statutory body and a place lead can read, oldest first. */
@Repository
public class PackHistory {

    private final JdbcClient jdbc;
    private final Codes codes;

    public PackHistory(JdbcClient jdbc, Codes codes) {
        this.jdbc = jdbc;
        this.codes = codes;
    }

    /** The steps of {@code escalationId}: raised, then each delivery attempt. */
    public List<EvidencePack.Step> of(UUID escalationId) {
        List<EvidencePack.Step> steps = new ArrayList<>();
        jdbc.sql("select body, raised_at, due_by from escalation_view where escalation_id = ?")
                .param(escalationId)
                .query((row, n) -> new EvidencePack.Step(row.getTimestamp("raised_at").toInstant(), "RAISED",
                        "The place leads put this pattern to " + codes.statutoryBody(row.getString("body")).label()
                                + " and asked for an answer by " + row.getDate("due_by").toLocalDate() + "."))
                .list()
                .forEach(steps::add);
        jdbc.sql("select attempt, attempted_at, status_code, error, outcome from delivery_attempt where escalation_id = ?"
                        + " order by attempt")
                .param(escalationId)
                .query((row, n) -> {
                    Instant at = row.getTimestamp("attempted_at").toInstant();
                    Integer status = (Integer) row.getObject("status_code");
                    if ("DELIVERED".equals(row.getString("outcome"))) {
                        return new EvidencePack.Step(at, "DELIVERED", "Delivered; the body's endpoint acknowledged"
                                + " receipt (HTTP " + status + ") at attempt " + row.getInt("attempt") + ".");
                    }
                    return new EvidencePack.Step(at, "DELIVERY_FAILED", "Delivery attempt " + row.getInt("attempt")
                            + " was not acknowledged (" + (status == null ? "no answer" : "HTTP " + status)
                            + "); it is retried.");
                })
                .list()
                .forEach(steps::add);
        steps.sort(Comparator.comparing(EvidencePack.Step::at));
        return steps;
    }
}
