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
import org.bothy.kernel.contract.Contracts;
import org.bothy.kernel.contract.escalation.EscalationRaised;
import org.bothy.kernel.privacy.DisclosureControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads escalations with their delivery attempts. */
@Repository
public class EscalationQueries {

    // the next attempt shown is that of the delivery putting the escalation in front of its body, of any version (one
    // queued before an upgrade is still that delivery)
    private static final List<String> RAISED_TYPES = Contracts.ceTypes(EscalationRaised.class);
    private static final String SELECT = "select v.*, d.next_attempt_at from escalation_view v"
            + " left join webhook_delivery d on d.escalation_id = v.escalation_id and d.status = 'PENDING'"
            + " and d.ce_type in ('" + String.join("', '", RAISED_TYPES) + "') and not d.redelivery";

    private final JdbcClient jdbc;
    private final DisclosureControl disclosure;

    public EscalationQueries(JdbcClient jdbc, DisclosureControl disclosure) {
        this.jdbc = jdbc;
        this.disclosure = disclosure;
    }

    /** Every escalation, newest first. */
    @Transactional(readOnly = true)
    public List<EscalationSummary> all() {
        return list("", null);
    }

    /** The escalations addressed to one statutory body, newest first. */
    @Transactional(readOnly = true)
    public List<EscalationSummary> forBody(String body) {
        return list(" where v.body = ?", body);
    }

    private List<EscalationSummary> list(String where, String param) {
        Map<UUID, List<EscalationSummary.Attempt>> attempts = jdbc.sql("select * from delivery_attempt order by escalation_id, attempt")
                .query((row, n) -> Map.entry(row.getObject("escalation_id", UUID.class), attempt(row)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<UUID, List<EscalationSummary.HistoryEntry>> history = jdbc.sql("select * from escalation_history order by position")
                .query((row, n) -> Map.entry(row.getObject("escalation_id", UUID.class), historyEntry(row)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        var statement = jdbc.sql(SELECT + where + " order by v.raised_at desc, v.escalation_id");
        if (param != null) {
            statement = statement.param(param);
        }
        return statement.query((row, n) -> {
                    UUID id = row.getObject("escalation_id", UUID.class);
                    return summary(row, attempts.getOrDefault(id, List.of()), history.getOrDefault(id, List.of()));
                })
                .list();
    }

    /** One escalation with its attempts and history. */
    @Transactional(readOnly = true)
    public Optional<EscalationSummary> find(UUID escalationId) {
        List<EscalationSummary.Attempt> attempts = jdbc.sql("select * from delivery_attempt where escalation_id = ? order by attempt")
                .param(escalationId)
                .query((row, n) -> attempt(row))
                .list();
        List<EscalationSummary.HistoryEntry> history = jdbc.sql("select * from escalation_history where escalation_id = ? order by position")
                .param(escalationId)
                .query((row, n) -> historyEntry(row))
                .list();
        return jdbc.sql(SELECT + " where v.escalation_id = ?")
                .param(escalationId)
                .query((row, n) -> summary(row, attempts, history))
                .optional();
    }

    private static EscalationSummary.HistoryEntry historyEntry(ResultSet row) throws SQLException {
        return new EscalationSummary.HistoryEntry(row.getString("kind"), instant(row.getTimestamp("occurred_at")),
                row.getString("detail"));
    }

    private EscalationSummary summary(ResultSet row, List<EscalationSummary.Attempt> attempts,
                                             List<EscalationSummary.HistoryEntry> history) throws SQLException {
        String kind = row.getString("response_kind");
        EscalationSummary.Response response = kind == null ? null : new EscalationSummary.Response(kind,
                instant(row.getTimestamp("responded_at")), row.getBoolean("responded_late"), row.getString("commitment"),
                row.getDate("commit_by") == null ? null : row.getDate("commit_by").toLocalDate(),
                row.getString("decline_reasons"), row.getString("information_request"));
        return new EscalationSummary(
                row.getObject("escalation_id", UUID.class),
                row.getString("candidate_id"),
                row.getString("pattern_key"),
                row.getString("body"),
                row.getString("theme"),
                row.getString("system_actor"),
                row.getInt("people"),
                disclosure.show(row.getInt("people"), row.getString("people_shown")),
                row.getInt("organisations"),
                row.getString("question"),
                row.getDate("due_by").toLocalDate(),
                row.getString("status"),
                instant(row.getTimestamp("raised_at")),
                instant(row.getTimestamp("delivered_at")),
                instant(row.getTimestamp("next_attempt_at")),
                instant(row.getTimestamp("acknowledged_at")),
                response,
                instant(row.getTimestamp("overdue_at")),
                row.getInt("reminders"),
                instant(row.getTimestamp("change_reported_at")),
                (Boolean) row.getObject("commitment_kept"),
                instant(row.getTimestamp("closed_at")),
                row.getString("verdict"),
                row.getString("verdict_note"),
                row.getObject("re_escalated_to", UUID.class),
                row.getObject("re_escalated_from", UUID.class),
                attempts,
                history);
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
