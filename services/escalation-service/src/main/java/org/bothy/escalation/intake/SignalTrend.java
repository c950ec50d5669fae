package org.bothy.escalation.intake;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counts of every signal as it arrives, per pattern or issue key: what the trend of a candidate is drawn from. */
@Repository
public class SignalTrend {

    private final JdbcClient jdbc;

    public SignalTrend(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds one signal's counts (people: the fewest it can be sure of; peopleShown: as the place published it); a signal
     * already recorded (re-read from the topic) is not added twice.
     */
    public void record(String eventId, String key, Instant occurredAt, int people, String peopleShown, int organisations) {
        jdbc.sql("insert into signal_trend (event_id, pattern_key, occurred_at, people, people_shown, organisations)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing")
                .params(eventId, key, Timestamp.from(occurredAt), people, peopleShown, organisations)
                .update();
    }
}
