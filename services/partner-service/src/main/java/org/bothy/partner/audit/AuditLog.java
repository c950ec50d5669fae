package org.bothy.partner.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.bothy.support.security.BothyPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes and reads the {@code audit_entry} table: every access to a person's record, by whom. */
@Component
public class AuditLog {

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the caller of the current request did {@code action} to the person's record. */
    public void record(String personId, String journeyId, String action) {
        BothyPrincipal caller = BothyPrincipal.current();
        jdbc.update("""
                insert into audit_entry (at, subject, role, action, person_id, journey_id)
                values (?, ?, ?, ?, ?, ?)""",
                Timestamp.from(Instant.now()), caller.subject(), String.join(",", new TreeSet<>(caller.roles())),
                action, personId, journeyId);
    }

    /**
     * Records that the caller of the current request did {@code action} to a journey, against the person it was
     * opened for; nothing when it was opened for no one registered here. One statement: the person is looked up as
     * the entry is written.
     */
    public void recordOnJourney(String journeyId, String action) {
        BothyPrincipal caller = BothyPrincipal.current();
        jdbc.update("""
                insert into audit_entry (at, subject, role, action, person_id, journey_id)
                select ?, ?, ?, ?, person_id, journey_id from journey_person where journey_id = ?""",
                Timestamp.from(Instant.now()), caller.subject(), String.join(",", new TreeSet<>(caller.roles())),
                action, journeyId);
    }

    /** Entries matching the filters (each may be null), newest first, one page of {@code size}. */
    public Page find(String personId, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (personId != null) {
            where.append(" and person_id = ?");
            args.add(personId);
        }
        if (from != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and at < ?");
            args.add(Timestamp.from(to));
        }
        Long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<AuditEntry> entries = jdbc.query("""
                select entry_id, at, subject, role, action, person_id, journey_id from audit_entry"""
                        + where + " order by at desc, entry_id desc limit ? offset ?",
                (row, n) -> new AuditEntry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7)),
                pageArgs.toArray());
        return new Page(page, size, total == null ? 0 : total, entries);
    }

    /** One page of audit entries and how many match in all. */
    public record Page(int page, int size, long total, List<AuditEntry> entries) {
    }
}
