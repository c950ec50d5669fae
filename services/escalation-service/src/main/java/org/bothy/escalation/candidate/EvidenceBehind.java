package org.bothy.escalation.candidate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.bothy.kernel.privacy.DisclosureControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the evidence behind a candidate from what intake recorded: the trend of its key's signals, and the published
 * issues that cover it. A pattern (theme:systemActor) is covered by every issue naming both its theme and its system
 * actor; an issue candidate's entry is its own issue. Counts of people are also given after disclosure control.
 */
@Repository
public class EvidenceBehind {

    private final JdbcClient jdbc;
    private final DisclosureControl disclosure;

    public EvidenceBehind(JdbcClient jdbc, DisclosureSettings settings) {
        this.jdbc = jdbc;
        this.disclosure = new DisclosureControl(settings.disclosureThreshold());
    }

    /** The evidence behind {@code candidate}, its trend oldest first and its issues most people first. */
    public CandidateEvidence of(Candidate candidate) {
        List<CandidateEvidence.TrendPoint> trend = jdbc.sql("select occurred_at, people, organisations from signal_trend"
                        + " where pattern_key = ? order by occurred_at, event_id")
                .param(candidate.patternKey())
                .query((row, n) -> new CandidateEvidence.TrendPoint(row.getTimestamp("occurred_at").toInstant(),
                        row.getInt("people"), disclosure.show(row.getInt("people")), row.getInt("organisations")))
                .list();
        return new CandidateEvidence(candidate.people(), disclosure.show(candidate.people()), candidate.organisations(),
                trend, issues(candidate));
    }

    private List<CandidateEvidence.LinkedIssue> issues(Candidate candidate) {
        String select = "select issue_key, organisation, issue_id, revision, level, status, owner, themes, system_actors,"
                + " people, organisations from issue_signal where ";
        String order = " order by people desc, issue_key";
        if (candidate.source() == Candidate.Source.ISSUE) {
            return jdbc.sql(select + "issue_key = ?" + order).param(candidate.patternKey()).query(this::issue).list();
        }
        return jdbc.sql(select + "? = any(themes) and ? = any(system_actors)" + order)
                .params(candidate.theme(), candidate.systemActor())
                .query(this::issue).list();
    }

    private CandidateEvidence.LinkedIssue issue(ResultSet row, int rowNum) throws SQLException {
        int people = row.getInt("people");
        return new CandidateEvidence.LinkedIssue(row.getString("issue_key"), row.getString("organisation"),
                row.getString("issue_id"), row.getInt("revision"), row.getInt("level"), row.getString("status"),
                row.getString("owner"), codes(row.getArray("themes")), codes(row.getArray("system_actors")), people,
                disclosure.show(people), row.getInt("organisations"));
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
