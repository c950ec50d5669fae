package org.bothy.escalation.feeds.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.escalation.escalation.api.MarkDelivered;
import org.bothy.escalation.escalation.api.RecordDeliveryAttempt;
import java.util.concurrent.ThreadLocalRandom;
import org.bothy.support.web.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    public DeliveryLedger(JdbcClient jdbc, CommandGateway commands, DeliverySettings settings, Clock clock,
                          TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Claims the deliveries now due by pushing their next attempt past the claim period, so another
     * instance (or this one after a crash mid-send) only retries once the claim has lapsed. An escalation's events
     * reach its body in feed order: an entry waits while an earlier one of the same escalation is still pending
     * (a redelivery asked for by the body does not hold the others back). Bodies in {@code busy} (their sender is
     * still at work) are left for a later round. Returned in feed order.
     */
    @Transactional
    public List<PendingDelivery> claimDue(Set<String> busy) {
        Instant now = clock.instant();
        return jdbc.sql("update webhook_delivery set next_attempt_at = ? where webhook_id in ("
                        + " select d.webhook_id from webhook_delivery d where d.status = 'PENDING' and d.next_attempt_at <= ?"
                        + " and d.body <> all(string_to_array(?, ','))"
                        + " and not exists (select 1 from webhook_delivery e where e.escalation_id = d.escalation_id"
                        + " and e.status = 'PENDING' and not e.redelivery and e.feed_position < d.feed_position)"
                        + " order by d.next_attempt_at limit ? for update skip locked)"
                        + " returning escalation_id, body, webhook_id, ce_type, feed_position, payload, attempts, occurred_at,"
                        + " redelivery, window_started_at")
                .params(Timestamp.from(now.plus(settings.claimFor())), Timestamp.from(now), String.join(",", busy),
                        settings.batchSize())
                .query((row, n) -> new PendingDelivery(row.getObject("escalation_id", UUID.class), row.getString("body"),
                        row.getString("webhook_id"), row.getString("ce_type"), row.getLong("feed_position"),
                        row.getBytes("payload"), row.getInt("attempts"), row.getTimestamp("occurred_at").toInstant(),
                        row.getBoolean("redelivery"), row.getTimestamp("window_started_at").toInstant()))
                .list().stream()
                .sorted(Comparator.comparingLong(PendingDelivery::feedPosition))
                .toList();
    }

    /**
     * Stores the attempt: first on the aggregate (for the first delivery of the raised escalation; on a 2xx, the
     * delivery itself), in the
     * command's own transaction, so the escalation is never unlocked while its new event is still uncommitted;
     * then in the delivery log, whose row is closed, rescheduled with jittered back-off, or given up once the
     * window has passed, in one short transaction. A crash between the two leaves the row claimed: the attempt is
     * made again under the same number, which the aggregate takes as a repeat and the log as already written.
     */
    public void record(PendingDelivery delivery, AttemptResult result) {
        int attempt = delivery.attempts() + 1;
        String escalationId = delivery.escalationId().toString();
        long millis = result.duration().toMillis();
        if (delivery.raisesTheEscalation()) {
            commands.sendAndWait(result.acknowledged()
                    ? new MarkDelivered(escalationId, attempt, result.attemptedAt(), result.statusCode(), millis)
                    : new RecordDeliveryAttempt(escalationId, attempt, result.attemptedAt(), result.statusCode(),
                            result.error(), millis));
        }
        transactions.executeWithoutResult(status -> writeAttempt(delivery, result, attempt, millis));
    }

    private void writeAttempt(PendingDelivery delivery, AttemptResult result, int attempt, long millis) {
        jdbc.sql("insert into webhook_attempt (webhook_id, attempt, attempted_at, status_code, error, duration_ms, outcome,"
                        + " redelivery) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(delivery.webhookId(), attempt, Timestamp.from(result.attemptedAt()), result.statusCode(),
                        result.error(), millis, result.acknowledged() ? "DELIVERED" : "FAILED", delivery.redelivery())
                .update();
        if (result.acknowledged()) {
            jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = ?, delivered_at = ? where webhook_id = ?")
                    .params(attempt, Timestamp.from(result.attemptedAt()), delivery.webhookId())
                    .update();
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(delivery.windowStartedAt().plus(settings.giveUpAfter()))) {
            jdbc.sql("update webhook_delivery set status = 'GAVE_UP', attempts = ?, gave_up_at = ? where webhook_id = ?")
                    .params(attempt, Timestamp.from(now), delivery.webhookId())
                    .update();
            return;
        }
        Instant next = now.plus(settings.jitteredBackoffAfter(attempt, ThreadLocalRandom.current().nextDouble()));
        jdbc.sql("update webhook_delivery set attempts = ?, next_attempt_at = ? where webhook_id = ?")
                .params(attempt, Timestamp.from(next), delivery.webhookId())
                .update();
    }

    /**
     * Sends a delivery again on the body's request, with the same webhook-id and bytes, for another give-up window.
     * Returns false if the body has no such delivery; refuses one that is still being sent.
     */
    @Transactional
    public boolean redeliver(String body, String webhookId) {
        String status = jdbc.sql("select status from webhook_delivery where body = ? and webhook_id = ? for update")
                .params(body, webhookId).query(String.class).optional().orElse(null);
        if (status == null) {
            return false;
        }
        if ("PENDING".equals(status)) {
            throw new Conflict("delivery " + webhookId + " is still being sent; it will be retried until acknowledged");
        }
        Instant now = clock.instant();
        // a delivery the body never acknowledged stays the first delivery, so the escalation learns when it lands
        jdbc.sql("update webhook_delivery set status = 'PENDING', next_attempt_at = ?, window_started_at = ?, gave_up_at = null,"
                        + " redelivery = (status = 'DELIVERED' or redelivery) where webhook_id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), webhookId)
                .update();
        return true;
    }
}
