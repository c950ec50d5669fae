package org.bothy.partner.issue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bothy.partner.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The issue log as a table: kept from the issues' events in the command's own transaction (see
 * {@link IssueLogConfiguration}), read as a page filtered by level, status and owner, or one issue at a time.
 */
@Component
@ProcessingGroup(IssueLog.PROCESSOR)
public class IssueLog {

    /** The subscribing processor that keeps this table. */
    public static final String PROCESSOR = "issue-log";

    private final JdbcTemplate jdbc;

    public IssueLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IssueRaised event, @Timestamp Instant at, @SequenceNumber long version) {
        IssueContent c = event.content();
        jdbc.update("""
                insert into issue_log (issue_id, description, level, owner, status, countermeasure, system_change,
                                       themes, system_actors, raised_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.issueId(), c.description(), c.level(), c.owner(), IssueStatus.OPEN.code(), c.countermeasure(),
                c.systemChange(), String.join(",", c.themes()), String.join(",", c.systemActors()),
                java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), version);
    }

    @EventHandler
    void on(IssueEdited event, @Timestamp Instant at, @SequenceNumber long version) {
        IssueContent c = event.content();
        jdbc.update("""
                update issue_log set description = ?, level = ?, owner = ?, countermeasure = ?, system_change = ?,
                                     themes = ?, system_actors = ?, updated_at = ?, version = ?
                where issue_id = ?""",
                c.description(), c.level(), c.owner(), c.countermeasure(), c.systemChange(),
                String.join(",", c.themes()), String.join(",", c.systemActors()), java.sql.Timestamp.from(at), version,
                event.issueId());
    }

    @EventHandler
    void on(EvidenceLinked event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                insert into issue_evidence (issue_id, journey_id, barrier_id, linked_at) values (?, ?, ?, ?)
                on conflict do nothing""",
                event.issueId(), event.journeyId(), event.barrierId(), java.sql.Timestamp.from(at));
        touch(event.issueId(), at, version);
    }

    @EventHandler
    void on(IssueClosed event, @Timestamp Instant at, @SequenceNumber long version) {
        setStatus(event.issueId(), IssueStatus.CLOSED, at, version);
    }

    @EventHandler
    void on(IssueReopened event, @Timestamp Instant at, @SequenceNumber long version) {
        setStatus(event.issueId(), IssueStatus.OPEN, at, version);
    }

    @EventHandler
    void on(IssueSharedWithPlace event, @SequenceNumber long version) {
        jdbc.update("update issue_log set shared_with_place = true, version = ? where issue_id = ?", version,
                event.issueId());
    }

    /** The issue with this id, or empty. */
    public Optional<IssueView> find(String issueId) {
        List<IssueView> found = jdbc.query("select * from issue_log where issue_id = ?",
                (rs, row) -> view(rs, evidence(issueId)), issueId);
        return found.stream().findFirst();
    }

    /** A page of the log, newest change first, narrowed by any filter that is not null. */
    public Page<IssueView> page(Integer level, String status, String owner, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> arguments = new ArrayList<>();
        if (level != null) {
            where.append(" and level = ?");
            arguments.add(level);
        }
        if (status != null) {
            where.append(" and status = ?");
            arguments.add(status);
        }
        if (owner != null) {
            where.append(" and owner = ?");
            arguments.add(owner);
        }
        long total = jdbc.queryForObject("select count(*) from issue_log" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<IssueView> items = jdbc.query("select * from issue_log" + where
                        + " order by updated_at desc, issue_id limit ? offset ?",
                (rs, row) -> view(rs, evidence(rs.getString("issue_id"))), paged.toArray());
        return Page.of(items, page, size, total);
    }

    private void touch(String issueId, Instant at, long version) {
        jdbc.update("update issue_log set updated_at = ?, version = ? where issue_id = ?", java.sql.Timestamp.from(at),
                version, issueId);
    }

    private void setStatus(String issueId, IssueStatus status, Instant at, long version) {
        jdbc.update("update issue_log set status = ?, updated_at = ?, version = ? where issue_id = ?", status.code(),
                java.sql.Timestamp.from(at), version, issueId);
    }

    private List<IssueView.Evidence> evidence(String issueId) {
        return jdbc.query("select journey_id, barrier_id, linked_at from issue_evidence where issue_id = ?"
                        + " order by linked_at, journey_id",
                (rs, row) -> new IssueView.Evidence(rs.getString("journey_id"), rs.getString("barrier_id"),
                        rs.getTimestamp("linked_at").toInstant()), issueId);
    }

    private static IssueView view(ResultSet rs, List<IssueView.Evidence> evidence) throws SQLException {
        return new IssueView(
                rs.getString("issue_id"),
                rs.getString("description"),
                rs.getInt("level"),
                rs.getString("owner"),
                rs.getString("status"),
                rs.getString("countermeasure"),
                rs.getString("system_change"),
                codes(rs.getString("themes")),
                codes(rs.getString("system_actors")),
                evidence,
                (int) evidence.stream().map(IssueView.Evidence::journeyId).distinct().count(),
                (int) evidence.stream().map(IssueView.Evidence::barrierId).filter(b -> b != null).distinct().count(),
                rs.getBoolean("shared_with_place"),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
