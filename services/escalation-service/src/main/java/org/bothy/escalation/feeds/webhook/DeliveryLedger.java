package org.bothy.escalation.feeds.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.escalation.escalation.api.MarkDelivered;
import org.bothy.escalation.escalation.api.RecordDeliveryAttempt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable state of webhook deliveries. Each method is a short transaction of its own: the HTTP call
 * happens between {@link #claimDue} and {@link #record}, never inside one.
 */
@Repository
public class DeliveryLedger {

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final DeliverySettings settings;
    private final Clock clock;

    public DeliveryLedger(JdbcClient jdbc, CommandGateway commands, DeliverySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Claims the deliveries now due by pushing their next attempt past the claim period, so another
     * instance (or this one after a crash mid-send) only retries once the claim has lapsed.
     */
    @Transactional
    public List<PendingDelivery> claimDue() {
        Instant now = clock.instant();
        return jdbc.sql("update webhook_delivery set next_attempt_at = ? where escalation_id in ("
                        + " select escalation_id from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?"
                        + " order by next_attempt_at limit ? for update skip locked)"
                        + " returning escalation_id, body, webhook_id, payload, attempts, raised_at")
                .params(Timestamp.from(now.plus(settings.claimFor())), Timestamp.from(now), settings.batchSize())
                .query((row, n) -> new PendingDelivery(row.getObject("escalation_id", UUID.class), row.getString("body"),
                        row.getString("webhook_id"), row.getBytes("payload"), row.getInt("attempts"),
                        row.getTimestamp("raised_at").toInstant()))
                .list();
    }

    /**
     * Stores the attempt: the aggregate records it (and, on a 2xx, the delivery) and the delivery row is
     * rescheduled with back-off or closed, in one transaction.
     */
    @Transactional
    public void record(PendingDelivery delivery, AttemptResult result) {
        int attempt = delivery.attempts() + 1;
        String escalationId = delivery.escalationId().toString();
        long millis = result.duration().toMillis();
        if (result.acknowledged()) {
            commands.sendAndWait(new MarkDelivered(escalationId, attempt, result.attemptedAt(), result.statusCode(), millis));
            jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = ?, delivered_at = ? where escalation_id = ?")
                    .params(attempt, Timestamp.from(result.attemptedAt()), delivery.escalationId())
                    .update();
        } else {
            commands.sendAndWait(new RecordDeliveryAttempt(escalationId, attempt, result.attemptedAt(),
                    result.statusCode(), result.error(), millis));
            Instant next = clock.instant().plus(settings.backoffAfter(attempt));
            jdbc.sql("update webhook_delivery set attempts = ?, next_attempt_at = ? where escalation_id = ?")
                    .params(attempt, Timestamp.from(next), delivery.escalationId())
                    .update();
        }
    }
}
