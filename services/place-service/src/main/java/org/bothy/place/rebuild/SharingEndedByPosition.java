package org.bothy.place.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The erasures and withdrawals a bulk load met, applied once at the end by their place in the topics: a row that an
 * organisation kept for a person goes if that organisation's erasure or withdrawal for the person came after it, and
 * stays if it came after the last one. The same rows as the intake deleting at each such event as it reads it.
 */
final class SharingEndedByPosition {

    // Per (organisation, pseudonym) whose sharing ended: the event ids of its rows read since the last end.
    private final Map<List<String>, List<String>> keptSinceLastEnd = new HashMap<>();

    /** Sharing of {@code pseudonym} by {@code organisation} ended here: every row read so far goes. */
    void ended(String organisation, String pseudonym) {
        keptSinceLastEnd.put(List.of(organisation, pseudonym), new ArrayList<>());
    }

    /** A row of {@code eventId} was read here for {@code pseudonym} at {@code organisation}. */
    void row(String organisation, String pseudonym, String eventId) {
        List<String> kept = keptSinceLastEnd.get(List.of(organisation, pseudonym));
        if (kept != null) {
            kept.add(eventId);
        }
    }

    /** Whether any sharing ended. */
    boolean any() {
        return !keptSinceLastEnd.isEmpty();
    }

    /**
     * Deletes from each of {@code tables} (with {@code event_id}, {@code organisation} and {@code pseudonym} columns)
     * every row of an ended person and organisation read before the last end; call inside the load's transaction.
     */
    void apply(JdbcTemplate jdbc, List<String> tables) {
        if (!any()) {
            return;
        }
        jdbc.execute("create temporary table sharing_ended (organisation varchar(64), pseudonym varchar(128)) on commit drop");
        jdbc.execute("create temporary table kept_since_end (event_id varchar(64)) on commit drop");
        CopyRows ended = new CopyRows("pg_temp.sharing_ended", "organisation", "pseudonym");
        CopyRows kept = new CopyRows("pg_temp.kept_since_end", "event_id");
        keptSinceLastEnd.forEach((person, since) -> {
            ended.row(person.get(0), person.get(1));
            since.forEach(kept::row);
        });
        jdbc.execute((Connection connection) -> {
            ended.sendTo(connection);
            kept.sendTo(connection);
            return null;
        });
        jdbc.execute("analyze pg_temp.sharing_ended");
        jdbc.execute("analyze pg_temp.kept_since_end");
        for (String table : tables) {
            jdbc.update("delete from " + table + " kept_row using pg_temp.sharing_ended ended"
                    + " where kept_row.organisation = ended.organisation and kept_row.pseudonym = ended.pseudonym"
                    + " and not exists (select 1 from pg_temp.kept_since_end kept where kept.event_id = kept_row.event_id)");
        }
    }
}
