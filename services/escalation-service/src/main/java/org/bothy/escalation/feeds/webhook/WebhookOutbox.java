package org.bothy.escalation.feeds.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bothy.kernel.contract.Contracts;
import org.bothy.kernel.contract.escalation.EscalationRaised;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the durable webhook delivery of one event of a body's feed, in the transaction that appended it to the
 * feed: the same structured CloudEvent bytes the Kafka and pull feeds carry, under the id every retry will carry.
 */
@Component
public class WebhookOutbox {

    /** {@code ce_source} of everything this service sends. */
    public static final String SOURCE = "/bothy/escalation";
    /**
     * The types of the delivery that puts an escalation in front of its body, every version (one queued before an
     * upgrade is still that delivery); only its outcome reaches the aggregate.
     */
    public static final List<String> RAISED_TYPES = Contracts.ceTypes(EscalationRaised.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<DeliveryPoller> poller;

    public WebhookOutbox(JdbcClient jdbc, Clock clock, ObjectProvider<DeliveryPoller> poller) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.poller = poller;
    }

    /**
     * Queues one feed entry for the body's webhook. {@code feedPosition} orders the entries of one escalation, which
     * are delivered one after another; the webhook id is the contract's event id, stable across replays and retries.
     * The first attempt is due now, not when the event says it happened: an overdue notice carries the due instant.
     */
    public void enqueue(String body, UUID escalationId, String webhookId, String ceType, byte[] payload,
                        Instant occurredAt, long feedPosition) {
        Instant now = clock.instant();
        jdbc.sql("insert into webhook_delivery (webhook_id, escalation_id, body, ce_type, feed_position, payload, status,"
                        + " attempts, next_attempt_at, occurred_at, window_started_at)"
                        + " values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?) on conflict do nothing")
                .params(webhookId, escalationId, body, ceType, feedPosition, payload, Timestamp.from(now),
                        Timestamp.from(occurredAt), Timestamp.from(now))
                .update();
        sendOnceCommitted();
    }

    /** The poller sends the row as soon as it is committed, rather than at its next poll. */
    private void sendOnceCommitted() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    poller.ifAvailable(DeliveryPoller::nudge);
                }
            });
        } else {
            poller.ifAvailable(DeliveryPoller::nudge);
        }
    }
}
