package org.bothy.escalation.candidate;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds the open escalation of a pattern or issue key (raised up to answered; not closed nor moved to another body). */
@Repository
public class OpenEscalations {

    private final JdbcClient jdbc;

    public OpenEscalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open escalation of {@code key}, the latest raised if there were ever more than one. */
    public Optional<UUID> of(String key) {
        return jdbc.sql("select escalation_id from escalation_view where pattern_key = ?"
                        + " and status not in ('CLOSED', 'RE_ESCALATED') order by raised_at desc limit 1")
                .param(key).query(UUID.class).optional();
    }
}
