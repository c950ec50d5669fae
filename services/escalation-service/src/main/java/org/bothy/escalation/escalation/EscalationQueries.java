package org.bothy.escalation.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads escalations with their delivery attempts. */
@Repository
public class EscalationQueries {

    private static final String SELECT = "select v.*, d.next_attempt_at from escalation_view v"
            + " left join webhook_delivery d on d.escalation_id = v.escalation_id and d.status = 'PENDING'";

    private final JdbcClient jdbc;

    public EscalationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<EscalationSummary> all() {
        Map<UUID, List<EscalationSummary.Attempt>> attempts = jdbc.sql("select * from delivery_attempt order by escalation_id, attempt")
                .query((row, n) -> Map.entry(row.getObject("escalation_id", UUID.class), attempt(row)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql(SELECT + " order by v.raised_at desc, v.escalation_id")
                .query((row, n) -> summary(row, attempts.getOrDefault(row.getObject("escalation_id", UUID.class), List.of())))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<EscalationSummary> find(UUID escalationId) {
        List<EscalationSummary.Attempt> attempts = jdbc.sql("select * from delivery_attempt where escalation_id = ? order by attempt")
                .param(escalationId)
                .query((row, n) -> attempt(row))
                .list();
        return jdbc.sql(SELECT + " where v.escalation_id = ?")
                .param(escalationId)
                .query((row, n) -> summary(row, attempts))
                .optional();
    }

    private static EscalationSummary summary(ResultSet row, List<EscalationSummary.Attempt> attempts) throws SQLException {
        return new EscalationSummary(
                row.getObject("escalation_id", UUID.class),
                row.getString("candidate_id"),
                row.getString("pattern_key"),
                row.getString("body"),
                row.getString("theme"),
                row.getString("system_actor"),
                row.getInt("people"),
                row.getInt("organisations"),
                row.getString("question"),
                row.getDate("due_by").toLocalDate(),
                row.getString("status"),
                instant(row.getTimestamp("raised_at")),
                instant(row.getTimestamp("delivered_at")),
                instant(row.getTimestamp("next_attempt_at")),
                attempts);
    }

    private static EscalationSummary.Attempt attempt(ResultSet row) throws SQLException {
        return new EscalationSummary.Attempt(
                row.getInt("attempt"),
                instant(row.getTimestamp("attempted_at")),
                (Integer) row.getObject("status_code"),
                row.getString("error"),
                row.getLong("duration_ms"),
                row.getString("outcome"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
