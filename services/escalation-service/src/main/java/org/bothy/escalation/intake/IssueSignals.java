package org.bothy.escalation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.time.Instant;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.evidence.IssueSignal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps the latest signal per published issue: the highest revision, and within it the latest count. */
@Repository
public class IssueSignals {

    private final JdbcClient jdbc;

    public IssueSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the signal if it is the issue's latest; true if it is. The topic is compacted and may be re-read, so an
     * older revision arriving late must not overwrite a newer one.
     */
    public boolean keepIfLatest(IssueSignal signal) {
        return jdbc.sql("insert into issue_signal (issue_key, event_id, occurred_at, organisation, issue_id, revision, level,"
                        + " status, owner, themes, system_actors, people, people_shown, organisations, windows, first_seen,"
                        + " last_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?)"
                        + " on conflict (issue_key) do update set event_id = excluded.event_id,"
                        + " occurred_at = excluded.occurred_at, revision = excluded.revision, level = excluded.level,"
                        + " status = excluded.status, owner = excluded.owner, themes = excluded.themes,"
                        + " system_actors = excluded.system_actors, people = excluded.people,"
                        + " people_shown = excluded.people_shown, organisations = excluded.organisations,"
                        + " windows = excluded.windows, first_seen = excluded.first_seen, last_seen = excluded.last_seen"
                        + " where (issue_signal.revision, issue_signal.occurred_at) <= (excluded.revision, excluded.occurred_at)")
                .params(signal.issueKey(), signal.eventId(), Timestamp.from(signal.occurredAt()), signal.organisation(),
                        signal.issueId(), signal.revision(), signal.level(), signal.status(), signal.owner(),
                        array(signal.themes()), array(signal.systemActors()), signal.peopleAtLeast(), signal.people().shown(),
                        signal.organisationsAtLeast(), json(signal), timestamp(signal.firstSeen()), timestamp(signal.lastSeen()))
                .update() == 1;
    }

    // codes are lower-case words and hyphens (checked against the code list first), so no element needs quoting
    private static String array(java.util.List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }

    private static String json(IssueSignal signal) {
        try {
            return ContractJson.mapper().writeValueAsString(signal.windows());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the windows of signal " + signal.eventId(), e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
