package org.bothy.escalation.escalation;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bothy.escalation.escalation.api.DeliveryAttemptFailed;
import org.bothy.escalation.escalation.api.EscalationDelivered;
import org.bothy.escalation.escalation.api.EscalationRaised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The place lead's view of escalations and every delivery attempt, kept in the transaction of the command
 * that produced the events (a subscribing processor), so a read after a write sees it.
 */
@Component
@ProcessingGroup(EscalationProjection.GROUP)
public class EscalationProjection {

    /** The processing group, run subscribing: see {@code EscalationAxonConfiguration}. */
    public static final String GROUP = "escalation-views";

    private final JdbcClient jdbc;

    public EscalationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EscalationRaised event) {
        jdbc.sql("insert into escalation_view (escalation_id, candidate_id, pattern_key, body, theme, system_actor,"
                        + " people, organisations, question, due_by, status, raised_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RAISED', ?) on conflict do nothing")
                .params(UUID.fromString(event.escalationId()), event.candidateId(), event.patternKey(), event.body(),
                        event.theme(), event.systemActor(), event.people(), event.organisations(), event.question(),
                        Date.valueOf(event.dueBy()), Timestamp.from(event.raisedAt()))
                .update();
    }

    @EventHandler
    void on(DeliveryAttemptFailed event) {
        attempt(event.escalationId(), event.attempt(), Timestamp.from(event.attemptedAt()), event.statusCode(),
                event.error(), event.durationMillis(), "FAILED");
    }

    @EventHandler
    void on(EscalationDelivered event) {
        attempt(event.escalationId(), event.attempt(), Timestamp.from(event.deliveredAt()), event.statusCode(), null,
                event.durationMillis(), "DELIVERED");
        jdbc.sql("update escalation_view set status = 'DELIVERED', delivered_at = ? where escalation_id = ?")
                .params(Timestamp.from(event.deliveredAt()), UUID.fromString(event.escalationId()))
                .update();
    }

    private void attempt(String escalationId, int attempt, Timestamp at, Integer statusCode, String error,
                         long durationMillis, String outcome) {
        jdbc.sql("insert into delivery_attempt (escalation_id, attempt, attempted_at, status_code, error, duration_ms, outcome)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(UUID.fromString(escalationId), attempt, at, statusCode, error, durationMillis, outcome)
                .update();
    }
}
