package org.bothy.escalation.candidate;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.evidence.SharedLearning;
import org.bothy.kernel.privacy.DisclosureControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the evidence behind a candidate from what intake recorded: the trend of its key's signals, the published
 * issues that cover it, and the shared learning its pattern's latest signal brought. A pattern (theme:systemActor) is
 * covered by every issue naming both its theme and its system actor; an issue candidate's entry is its own issue, and
 * its learning that of the patterns its themes and actors make. Counts of people are also given after disclosure
 * control: a count the place hid stays hidden ("*"), or "<" the larger of the place's threshold and this service's; a
 * count it showed passes through this service's own threshold too.
 */
@Repository
public class EvidenceBehind {

    /** The most learning summaries a candidate shows, newest first. */
    static final int MAX_LEARNING = 10;

    private final JdbcClient jdbc;
    private final DisclosureControl disclosure;

    public EvidenceBehind(JdbcClient jdbc, DisclosureSettings settings) {
        this.jdbc = jdbc;
        this.disclosure = new DisclosureControl(settings.disclosureThreshold());
    }

    /** The evidence behind {@code candidate}, its trend oldest first and its issues most people first. */
    public CandidateEvidence of(Candidate candidate) {
        List<CandidateEvidence.TrendPoint> trend = jdbc.sql("select occurred_at, people, people_shown, organisations"
                        + " from signal_trend where pattern_key = ? order by occurred_at, event_id")
                .param(candidate.patternKey())
                .query((row, n) -> new CandidateEvidence.TrendPoint(row.getTimestamp("occurred_at").toInstant(),
                        row.getInt("people"), shown(row.getInt("people"), row.getString("people_shown")),
                        row.getInt("organisations")))
                .list();
        return new CandidateEvidence(candidate.people(), shown(candidate.people(), candidate.peopleShown()),
                candidate.organisations(), trend, issues(candidate), learning(candidate));
    }

    private List<SharedLearning> learning(Candidate candidate) {
        List<String> stored;
        if (candidate.source() == Candidate.Source.PATTERN) {
            stored = jdbc.sql("select learning from pattern_signal where pattern_key = ? and learning is not null")
                    .param(candidate.patternKey()).query(String.class).list();
        } else {
            stored = jdbc.sql("select s.learning from pattern_signal s join issue_signal i on i.issue_key = ?"
                            + " where s.theme = any(i.themes) and s.system_actor = any(i.system_actors) and s.learning is not null")
                    .param(candidate.patternKey()).query(String.class).list();
        }
        return stored.stream()
                .flatMap(json -> read(json).stream())
                .distinct()
                .sorted(Comparator.comparing(SharedLearning::concludedOn).reversed())
                .limit(MAX_LEARNING)
                .toList();
    }

    private static List<SharedLearning> read(String json) {
        try {
            return List.of(ContractJson.mapper().readValue(json, SharedLearning[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable shared learning on a stored evidence signal", e);
        }
    }

    /** A count as it may be shown: after this service's threshold, and never plainer than the place published it. */
    private String shown(int people, String published) {
        return disclosure.show(people, published);
    }

    private List<CandidateEvidence.LinkedIssue> issues(Candidate candidate) {
        String select = "select issue_key, organisation, issue_id, revision, level, status, owner, themes, system_actors,"
                + " people, people_shown, organisations from issue_signal where ";
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
        String shown = shown(people, row.getString("people_shown"));
        return new CandidateEvidence.LinkedIssue(row.getString("issue_key"), row.getString("organisation"),
                row.getString("issue_id"), row.getInt("revision"), row.getInt("level"), row.getString("status"),
                row.getString("owner"), codes(row.getArray("themes")), codes(row.getArray("system_actors")), people,
                shown, row.getInt("organisations"));
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
