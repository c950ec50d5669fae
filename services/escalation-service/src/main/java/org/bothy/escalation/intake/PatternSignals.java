package org.bothy.escalation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers which signals were seen (by event id) and keeps the latest one per pattern: people as the fewest it can be
 * sure of and as published, the windows after disclosure control, and the pattern's recent shared learning.
 */
@Repository
public class PatternSignals {

    private final JdbcClient jdbc;
    private final Clock clock;

    public PatternSignals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time an event id is seen; false for a redelivery. */
    public boolean firstSighting(String eventId) {
        return jdbc.sql("insert into processed_signal (event_id, processed_at) values (?, ?) on conflict do nothing")
                .params(eventId, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /**
     * Keeps the signal if it is the pattern's latest; true if it is. An older signal arriving late (the
     * topic is compacted and may be re-read) must not overwrite newer counts.
     */
    public boolean keepIfLatest(EvidenceSignal signal) {
        return jdbc.sql("insert into pattern_signal (pattern_key, event_id, occurred_at, theme, system_actor, people,"
                        + " people_shown, organisations, windows, first_seen, last_seen, learning)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (pattern_key) do update set event_id = excluded.event_id,"
                        + " occurred_at = excluded.occurred_at, theme = excluded.theme, system_actor = excluded.system_actor,"
                        + " people = excluded.people, people_shown = excluded.people_shown,"
                        + " organisations = excluded.organisations, windows = excluded.windows,"
                        + " first_seen = excluded.first_seen, last_seen = excluded.last_seen, learning = excluded.learning"
                        + " where pattern_signal.occurred_at <= excluded.occurred_at")
                .params(signal.patternKey(), signal.eventId(), Timestamp.from(signal.occurredAt()), signal.theme(),
                        signal.systemActor(), signal.peopleAtLeast(), signal.people().shown(), signal.organisationsAtLeast(),
                        json(signal, signal.windows()), timestamp(signal.firstSeen()), timestamp(signal.lastSeen()),
                        json(signal, signal.learning()))
                .update() == 1;
    }

    private static String json(EvidenceSignal signal, Object part) {
        try {
            return ContractJson.mapper().writeValueAsString(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write part of signal " + signal.eventId(), e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
