package org.bothy.escalation.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bothy.escalation.escalation.api.ChangeReported;
import org.bothy.escalation.escalation.api.DeliveryAttemptFailed;
import org.bothy.escalation.escalation.api.EscalationAcknowledged;
import org.bothy.escalation.escalation.api.EscalationClosed;
import org.bothy.escalation.escalation.api.EscalationDelivered;
import org.bothy.escalation.escalation.api.EscalationOverdue;
import org.bothy.escalation.escalation.api.EscalationRaised;
import org.bothy.escalation.escalation.api.EscalationReEscalated;
import org.bothy.escalation.escalation.api.EscalationReminded;
import org.bothy.escalation.escalation.api.EscalationResponded;
import org.bothy.escalation.escalation.api.EvidenceAdded;
import org.bothy.support.axon.AxonSerializers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The place lead's view of escalations, every delivery attempt and the history of the lifecycle, kept in the
 * transaction of the command that produced the events (a subscribing processor), so a read after a write sees it.
 * Documented in {@code docs/escalation.md} for the evidence pack and accountability views built on it.
 */
@Component
@ProcessingGroup(EscalationProjection.GROUP)
public class EscalationProjection {

    /** The processing group, run subscribing: see {@code EscalationConfiguration}. */
    public static final String GROUP = "escalation-views";

    private static final ObjectMapper JSON = AxonSerializers.objectMapper();

    private final JdbcClient jdbc;

    public EscalationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EscalationRaised event, EventMessage<?> message) {
        jdbc.sql("insert into escalation_view (escalation_id, candidate_id, pattern_key, body, theme, system_actor,"
                        + " people, people_shown, organisations, question, due_by, status, raised_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RAISED', ?) on conflict do nothing")
                .params(UUID.fromString(event.escalationId()), event.candidateId(), event.patternKey(), event.body(),
                        event.theme(), event.systemActor(), event.people(), event.peopleShown(), event.organisations(),
                        event.question(),
                        Date.valueOf(event.dueBy()), Timestamp.from(event.raisedAt()))
                .update();
        history(message, event.escalationId(), event.raisedAt(), "RAISED", event);
    }

    @EventHandler
    void on(DeliveryAttemptFailed event) {
        attempt(event.escalationId(), event.attempt(), Timestamp.from(event.attemptedAt()), event.statusCode(),
                event.error(), event.durationMillis(), "FAILED");
    }

    @EventHandler
    void on(EscalationDelivered event, EventMessage<?> message) {
        attempt(event.escalationId(), event.attempt(), Timestamp.from(event.deliveredAt()), event.statusCode(), null,
                event.durationMillis(), "DELIVERED");
        jdbc.sql("update escalation_view set delivered_at = ?,"
                        + " status = case when status = 'RAISED' then 'DELIVERED' else status end where escalation_id = ?")
                .params(Timestamp.from(event.deliveredAt()), UUID.fromString(event.escalationId()))
                .update();
        history(message, event.escalationId(), event.deliveredAt(), "DELIVERED", event);
    }

    @EventHandler
    void on(EscalationAcknowledged event, EventMessage<?> message) {
        jdbc.sql("update escalation_view set acknowledged_at = ?,"
                        + " status = case when status in ('RAISED', 'DELIVERED') then 'ACKNOWLEDGED' else status end"
                        + " where escalation_id = ?")
                .params(Timestamp.from(event.acknowledgedAt()), UUID.fromString(event.escalationId()))
                .update();
        history(message, event.escalationId(), event.acknowledgedAt(), "ACKNOWLEDGED", event);
    }

    @EventHandler
    void on(EscalationResponded event, EventMessage<?> message) {
        jdbc.sql("update escalation_view set status = ?, response_kind = ?, responded_at = ?, commitment = ?, commit_by = ?,"
                        + " decline_reasons = ?, information_request = ?, responded_late = ?,"
                        + " acknowledged_at = coalesce(acknowledged_at, ?) where escalation_id = ?")
                .params(event.kind().name(), event.kind().name(), Timestamp.from(event.respondedAt()), event.change(),
                        date(event.commitBy()), event.reasons(), event.request(), event.late(),
                        Timestamp.from(event.respondedAt()), UUID.fromString(event.escalationId()))
                .update();
        history(message, event.escalationId(), event.respondedAt(), "RESPONDED_" + event.kind().name(), event);
    }

    @EventHandler
    void on(ChangeReported event, EventMessage<?> message) {
        jdbc.sql("update escalation_view set status = 'CHANGE_REPORTED', change_reported_at = ?, commitment_kept = ?"
                        + " where escalation_id = ?")
                .params(Timestamp.from(event.reportedAt()), event.keptCommitment(), UUID.fromString(event.escalationId()))
                .update();
        history(message, event.escalationId(), event.reportedAt(), "CHANGE_REPORTED", event);
    }

    @EventHandler
    void on(EscalationOverdue event, EventMessage<?> message) {
        jdbc.sql("update escalation_view set overdue_at = ?,"
                        + " status = case when status in ('RAISED', 'DELIVERED', 'ACKNOWLEDGED') then 'OVERDUE' else status end"
                        + " where escalation_id = ?")
                .params(Timestamp.from(event.overdueAt()), UUID.fromString(event.escalationId()))
                .update();
        history(message, event.escalationId(), event.overdueAt(), "OVERDUE", event);
    }

    @EventHandler
    void on(EscalationReminded event, EventMessage<?> message) {
        jdbc.sql("update escalation_view set reminders = ?, last_reminded_at = ? where escalation_id = ?")
                .params(event.reminder(), Timestamp.from(event.remindedAt()), UUID.fromString(event.escalationId()))
                .update();
        history(message, event.escalationId(), event.remindedAt(), "REMINDED", event);
    }

    @EventHandler
    void on(EscalationClosed event, EventMessage<?> message) {
        jdbc.sql("update escalation_view set status = 'CLOSED', closed_at = ?, verdict = ?, verdict_note = ?"
                        + " where escalation_id = ?")
                .params(Timestamp.from(event.closedAt()), event.verdict().name(), event.note(),
                        UUID.fromString(event.escalationId()))
                .update();
        history(message, event.escalationId(), event.closedAt(), "CLOSED", event);
    }

    @EventHandler
    void on(EscalationReEscalated event, EventMessage<?> message) {
        UUID newId = UUID.fromString(event.newEscalationId());
        jdbc.sql("update escalation_view set status = 'RE_ESCALATED', closed_at = ?, re_escalated_to = ? where escalation_id = ?")
                .params(Timestamp.from(event.at()), newId, UUID.fromString(event.escalationId()))
                .update();
        jdbc.sql("update escalation_view set re_escalated_from = ? where escalation_id = ?")
                .params(UUID.fromString(event.escalationId()), newId)
                .update();
        history(message, event.escalationId(), event.at(), "RE_ESCALATED", event);
    }

    @EventHandler
    void on(EvidenceAdded event, EventMessage<?> message) {
        // the counts raised stay what was sent; later evidence is part of the record
        history(message, event.escalationId(), event.addedAt(), "EVIDENCE_ADDED", event);
    }

    private void history(EventMessage<?> message, String escalationId, Instant at, String kind, Object event) {
        jdbc.sql("insert into escalation_history (event_id, escalation_id, occurred_at, kind, detail)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(message.getIdentifier(), UUID.fromString(escalationId), Timestamp.from(at), kind, json(event))
                .update();
    }

    private void attempt(String escalationId, int attempt, Timestamp at, Integer statusCode, String error,
                         long durationMillis, String outcome) {
        jdbc.sql("insert into delivery_attempt (escalation_id, attempt, attempted_at, status_code, error, duration_ms, outcome)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(UUID.fromString(escalationId), attempt, at, statusCode, error, durationMillis, outcome)
                .update();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
