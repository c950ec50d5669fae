package org.bothy.escalation.feeds.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A body's webhook deliveries and every attempt at each, newest delivery first. */
@Repository
public class DeliveryLog {

    private final JdbcClient jdbc;

    public DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One delivery: which webhook-id, of which event ({@code type}, the CloudEvent type, and when it happened), for
     * which escalation, where it stands, and its attempts in order.
     */
    public record Delivery(String webhookId, String type, UUID escalationId, String status, int attempts, Instant occurredAt,
                           Instant nextAttemptAt, Instant deliveredAt, Instant gaveUpAt, List<Attempt> log) {
    }

    /** One attempt: when, the endpoint's status or the error, how long, and whether it was a redelivery. */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMillis,
                          String outcome, boolean redelivery) {
    }

    @Transactional(readOnly = true)
    public List<Delivery> forBody(String body) {
        Map<String, List<Attempt>> attempts = jdbc.sql("select a.* from webhook_attempt a join webhook_delivery d"
                        + " on d.webhook_id = a.webhook_id where d.body = ? order by a.webhook_id, a.attempt")
                .param(body)
                .query((row, n) -> Map.entry(row.getString("webhook_id"), new Attempt(row.getInt("attempt"),
                        instant(row.getTimestamp("attempted_at")), (Integer) row.getObject("status_code"),
                        row.getString("error"), row.getLong("duration_ms"), row.getString("outcome"),
                        row.getBoolean("redelivery"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from webhook_delivery where body = ? order by occurred_at desc, feed_position desc, webhook_id")
                .param(body)
                .query((row, n) -> new Delivery(row.getString("webhook_id"), row.getString("ce_type"),
                        row.getObject("escalation_id", UUID.class), row.getString("status"), row.getInt("attempts"),
                        instant(row.getTimestamp("occurred_at")),
                        "PENDING".equals(row.getString("status")) ? instant(row.getTimestamp("next_attempt_at")) : null,
                        instant(row.getTimestamp("delivered_at")), instant(row.getTimestamp("gave_up_at")),
                        attempts.getOrDefault(row.getString("webhook_id"), List.of())))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
