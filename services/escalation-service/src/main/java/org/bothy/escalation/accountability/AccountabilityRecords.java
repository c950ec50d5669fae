package org.bothy.escalation.accountability;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads every escalation's record for accountability from the escalation view and its history: the first answer
 * (a body may ask for more information before it commits), whether it ever declined, and the latest change reported.
 */
@Repository
public class AccountabilityRecords {

    private static final String SELECT = """
            select v.escalation_id, v.body, v.theme, v.system_actor, v.people, v.people_shown, v.question, v.status, v.raised_at, v.due_by,
                   v.overdue_at, v.acknowledged_at, v.response_kind, coalesce(v.responded_late, false) as responded_late,
                   v.commitment, v.commit_by, v.commitment_kept, v.change_reported_at, v.verdict,
                   (select min(h.occurred_at) from escalation_history h
                     where h.escalation_id = v.escalation_id and h.kind like 'RESPONDED\\_%') as first_response_at,
                   exists (select 1 from escalation_history h
                     where h.escalation_id = v.escalation_id and h.kind = 'RESPONDED_DECLINED') as declined,
                   (select h.detail::jsonb ->> 'description' from escalation_history h
                     where h.escalation_id = v.escalation_id and h.kind = 'CHANGE_REPORTED'
                     order by h.position desc limit 1) as change_description,
                   (select h.detail::jsonb ->> 'madeOn' from escalation_history h
                     where h.escalation_id = v.escalation_id and h.kind = 'CHANGE_REPORTED'
                     order by h.position desc limit 1) as change_made_on
              from escalation_view v
            """;

    private final JdbcClient jdbc;

    public AccountabilityRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every escalation ever raised, oldest first. */
    @Transactional(readOnly = true)
    public List<EscalationRecord> all() {
        return jdbc.sql(SELECT + " order by v.raised_at, v.escalation_id").query((row, n) -> record(row)).list();
    }

    private static EscalationRecord record(ResultSet row) throws SQLException {
        String madeOn = row.getString("change_made_on");
        return new EscalationRecord(
                row.getString("escalation_id"),
                row.getString("body"),
                row.getString("theme"),
                row.getString("system_actor"),
                row.getInt("people"),
                row.getString("people_shown"),
                row.getString("question"),
                row.getString("status"),
                instant(row.getTimestamp("raised_at")),
                date(row.getDate("due_by")),
                instant(row.getTimestamp("overdue_at")),
                instant(row.getTimestamp("acknowledged_at")),
                instant(row.getTimestamp("first_response_at")),
                row.getString("response_kind"),
                row.getBoolean("responded_late"),
                row.getBoolean("declined"),
                row.getString("commitment"),
                date(row.getDate("commit_by")),
                row.getString("change_description"),
                madeOn == null ? null : LocalDate.parse(madeOn),
                instant(row.getTimestamp("change_reported_at")),
                (Boolean) row.getObject("commitment_kept"),
                row.getString("verdict"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
