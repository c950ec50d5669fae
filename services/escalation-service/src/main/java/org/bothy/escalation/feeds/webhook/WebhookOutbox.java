package org.bothy.escalation.feeds.webhook;

import java.sql.Timestamp;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bothy.escalation.escalation.api.EscalationRaised;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the durable webhook delivery for a raised escalation, in the transaction that raised it: the
 * {@code EscalationRaised} contract as a structured CloudEvent, under the id every retry will carry.
 */
@Component
@ProcessingGroup(WebhookOutbox.GROUP)
public class WebhookOutbox {

    /** The processing group, run subscribing: see {@code EscalationAxonConfiguration}. */
    public static final String GROUP = "webhook-outbox";
    /** {@code ce_source} of everything this service sends. */
    public static final String SOURCE = "/bothy/escalation";

    private final ContractCodec codec = ContractCodec.standard();
    private final JdbcClient jdbc;

    public WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EscalationRaised event, EventMessage<?> message) {
        // The private event's id is stable, so the contract (and webhook) id is the same if this is ever replayed.
        String contractId = message.getIdentifier();
        var contract = new org.bothy.kernel.contract.escalation.EscalationRaised(contractId, event.raisedAt(),
                event.escalationId(), event.body(), event.theme(), event.systemActor(), event.people(),
                event.organisations(), event.question(), event.dueBy());
        byte[] payload = codec.toStructuredJson(SOURCE, contract);
        jdbc.sql("insert into webhook_delivery (escalation_id, body, webhook_id, payload, status, attempts, next_attempt_at,"
                        + " raised_at, window_started_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?) on conflict do nothing")
                .params(UUID.fromString(event.escalationId()), event.body(), contractId, payload,
                        Timestamp.from(event.raisedAt()), Timestamp.from(event.raisedAt()), Timestamp.from(event.raisedAt()))
                .update();
    }
}
