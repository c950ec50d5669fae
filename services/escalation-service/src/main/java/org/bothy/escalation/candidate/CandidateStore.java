package org.bothy.escalation.candidate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Candidates in PostgreSQL; callers hold the transaction. */
@Repository
public class CandidateStore {

    private static final String COLUMNS =
            "candidate_id, source, pattern_key, theme, system_actor, body, people, people_shown, organisations, status, proposed_at,"
            + " updated_at";

    private final JdbcClient jdbc;

    public CandidateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open candidate for a pattern, locked until the transaction ends. */
    public Optional<Candidate> openForUpdate(String patternKey) {
        return jdbc.sql("select " + COLUMNS + " from candidate where pattern_key = ? and status = 'OPEN' for update")
                .param(patternKey).query(CandidateStore::map).optional();
    }

    /**
     * Whether the pattern is escalated and not yet settled: an accepted candidate whose escalation is not closed
     * with the place's verdict (nor moved to another body, whose own escalation then carries the pattern). One
     * still being raised counts as escalated; a settled one does not, so fresh evidence can be proposed again.
     */
    public boolean escalated(String patternKey) {
        return jdbc.sql("select count(*) from candidate c where c.pattern_key = ? and c.status = 'ACCEPTED'"
                        + " and not exists (select 1 from escalation_view e where e.escalation_id = c.escalation_id"
                        + " and e.status in ('CLOSED', 'RE_ESCALATED'))")
                .param(patternKey).query(Integer.class).single() > 0;
    }

    public void insertOpen(Candidate candidate, String signalEventId) {
        jdbc.sql("insert into candidate (candidate_id, source, pattern_key, theme, system_actor, body, people, people_shown,"
                        + " organisations, status, signal_event_id, proposed_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)")
                .params(candidate.candidateId(), candidate.source().name(), candidate.patternKey(), candidate.theme(), candidate.systemActor(),
                        candidate.body(), candidate.people(), candidate.peopleShown(), candidate.organisations(), signalEventId,
                        Timestamp.from(candidate.proposedAt()), Timestamp.from(candidate.updatedAt()))
                .update();
    }

    public void updateCounts(UUID candidateId, int people, String peopleShown, int organisations, String signalEventId,
                             Instant at) {
        jdbc.sql("update candidate set people = ?, people_shown = ?, organisations = ?, signal_event_id = ?, updated_at = ?"
                        + " where candidate_id = ?")
                .params(people, peopleShown, organisations, signalEventId, Timestamp.from(at), candidateId)
                .update();
    }

    public List<Candidate> open() {
        return jdbc.sql("select " + COLUMNS + " from candidate where status = 'OPEN' order by proposed_at, candidate_id")
                .query(CandidateStore::map).list();
    }

    public Optional<Candidate> find(UUID candidateId) {
        return jdbc.sql("select " + COLUMNS + " from candidate where candidate_id = ?")
                .param(candidateId).query(CandidateStore::map).optional();
    }

    /** Marks an open candidate accepted; empty if it was not open (the row lock makes this a compare-and-set). */
    public Optional<Candidate> accept(UUID candidateId, UUID escalationId, Instant at) {
        return jdbc.sql("update candidate set status = 'ACCEPTED', escalation_id = ?, decided_at = ?, updated_at = ?"
                        + " where candidate_id = ? and status = 'OPEN' returning " + COLUMNS)
                .params(escalationId, Timestamp.from(at), Timestamp.from(at), candidateId)
                .query(CandidateStore::map).optional();
    }

    /** Marks an open candidate dismissed with the place lead's reason; empty if it was not open. */
    public Optional<Candidate> dismiss(UUID candidateId, String reason, Instant at) {
        return jdbc.sql("update candidate set status = 'DISMISSED', dismissal_reason = ?, decided_at = ?, updated_at = ?"
                        + " where candidate_id = ? and status = 'OPEN' returning " + COLUMNS)
                .params(reason, Timestamp.from(at), Timestamp.from(at), candidateId)
                .query(CandidateStore::map).optional();
    }

    private static Candidate map(ResultSet row, int rowNum) throws SQLException {
        return new Candidate(
                row.getObject("candidate_id", UUID.class),
                Candidate.Source.valueOf(row.getString("source")),
                row.getString("pattern_key"),
                row.getString("theme"),
                row.getString("system_actor"),
                row.getString("body"),
                row.getInt("people"),
                row.getString("people_shown"),
                row.getInt("organisations"),
                Candidate.Status.valueOf(row.getString("status")),
                row.getTimestamp("proposed_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
