package org.bothy.escalation.pack;

import java.sql.Timestamp;
import java.util.List;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What partners wrote for sharing that a pack quotes: issue-log entries (latest revision wins, so a replay or a late
 * older snapshot changes nothing) and experiments' learning summaries (once per event id).
 */
@Repository
public class SharedLearning {

    /** The most learning summaries one pack quotes, newest first. */
    static final int MAX_SUMMARIES = 12;

    private final JdbcClient jdbc;
    private final Codes codes;

    public SharedLearning(JdbcClient jdbc, Codes codes) {
        this.jdbc = jdbc;
        this.codes = codes;
    }

    /** Keeps the snapshot if it is the issue's latest. */
    public void keep(IssuePublished issue) {
        jdbc.sql("insert into pack_issue (organisation, issue_id, revision, description, level, status, owner, countermeasure,"
                        + " system_change, themes, system_actors, published_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (organisation, issue_id) do update set revision = excluded.revision,"
                        + " description = excluded.description, level = excluded.level, status = excluded.status,"
                        + " owner = excluded.owner, countermeasure = excluded.countermeasure,"
                        + " system_change = excluded.system_change, themes = excluded.themes,"
                        + " system_actors = excluded.system_actors, published_at = excluded.published_at"
                        + " where pack_issue.revision < excluded.revision")
                .params(issue.organisation(), issue.issueId(), issue.revision(), issue.description(), issue.level(),
                        issue.status(), issue.owner(), issue.countermeasure(), issue.systemChange(),
                        array(issue.themes()), array(issue.systemActors()), Timestamp.from(issue.occurredAt()))
                .update();
    }

    /** Keeps an experiment's learning summary if it names a theme and says something. */
    public void keep(ExperimentConcluded experiment) {
        if (experiment.theme() == null || experiment.learningSummary() == null || experiment.learningSummary().isBlank()) {
            return;
        }
        jdbc.sql("insert into pack_learning (event_id, organisation, pseudonym, theme, summary, concluded_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(experiment.eventId(), experiment.organisation(), experiment.pseudonym(), experiment.theme(),
                        experiment.learningSummary(), Timestamp.from(experiment.occurredAt()))
                .update();
    }

    /** Forgets what one person's experiments at one organisation taught: consent withdrawn, or erased. */
    public void forget(String organisation, String pseudonym) {
        jdbc.sql("delete from pack_learning where organisation = ? and pseudonym = ?").params(organisation, pseudonym).update();
    }

    /** Issue-log entries about the theme that name the system actor (or name none), open ones first. */
    public List<EvidencePack.IssueEntry> issues(String theme, String systemActor) {
        return jdbc.sql("select * from pack_issue where ? = any(themes)"
                        + " and (? = any(system_actors) or cardinality(system_actors) = 0)"
                        + " order by status = 'open' desc, published_at desc")
                .params(theme, systemActor)
                .query((row, n) -> new EvidencePack.IssueEntry(organisationLabel(row.getString("organisation")),
                        row.getString("description"), row.getInt("level"), row.getString("status"), row.getString("owner"),
                        row.getString("countermeasure"), row.getString("system_change"),
                        row.getTimestamp("published_at").toInstant()))
                .list();
    }

    /** The newest learning summaries about the theme. */
    public List<EvidencePack.LearningSummary> learning(String theme) {
        return jdbc.sql("select organisation, summary, concluded_at from pack_learning where theme = ?"
                        + " order by concluded_at desc, event_id limit " + MAX_SUMMARIES)
                .param(theme)
                .query((row, n) -> new EvidencePack.LearningSummary(organisationLabel(row.getString("organisation")),
                        row.getString("summary"), row.getTimestamp("concluded_at").toInstant()))
                .list();
    }

    private String organisationLabel(String code) {
        try {
            return codes.organisation(code).label();
        } catch (RuntimeException unknown) {
            return code; // an organisation since gone from the code list is still named
        }
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }
}
